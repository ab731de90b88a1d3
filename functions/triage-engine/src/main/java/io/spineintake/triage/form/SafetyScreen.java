package io.spineintake.triage.form;

/**
 * Red-flag questions (spec section 3). The first five are hard stops; the neck's two apply
 * only when the neck is a painful region. The rest call for urgent clinician review.
 */
public record SafetyScreen(
        Answer saddleNumbness,
        Answer bladderOrBowelChange,
        Answer worseningLegWeakness,
        Answer handClumsinessOrGaitTrouble,
        Answer suddenNeckPainWithNeuroSymptoms,
        Answer historyOfCancer,
        Answer unexplainedWeightLoss,
        Answer feverOrChills,
        Answer immunosuppressionOrSteroids,
        Answer injectingDrugUse,
        Answer recentSeriousInfection,
        Answer majorTrauma,
        Answer minorTraumaWithOsteoporosis,
        Answer constantNightPain,
        Answer nightSweats,
        Answer cancerTreatedNowOrSpread,
        Integer injuryDaysAgo) {
    public static final SafetyScreen BLANK = new SafetyScreen(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
