package io.spineintake.triage.rules;

import io.spineintake.triage.form.Answer;
import io.spineintake.triage.form.SafetyScreen;
import java.util.Map;
import java.util.function.Function;

/** The safety-screen questions a rule file may name, by their field names in the form. */
public final class SafetyQuestions {
    private static final Map<String, Function<SafetyScreen, Answer>> QUESTIONS = Map.ofEntries(
            Map.entry("saddleNumbness", SafetyScreen::saddleNumbness),
            Map.entry("bladderOrBowelChange", SafetyScreen::bladderOrBowelChange),
            Map.entry("worseningLegWeakness", SafetyScreen::worseningLegWeakness),
            Map.entry("handClumsinessOrGaitTrouble", SafetyScreen::handClumsinessOrGaitTrouble),
            Map.entry("suddenNeckPainWithNeuroSymptoms", SafetyScreen::suddenNeckPainWithNeuroSymptoms),
            Map.entry("historyOfCancer", SafetyScreen::historyOfCancer),
            Map.entry("unexplainedWeightLoss", SafetyScreen::unexplainedWeightLoss),
            Map.entry("feverOrChills", SafetyScreen::feverOrChills),
            Map.entry("immunosuppressionOrSteroids", SafetyScreen::immunosuppressionOrSteroids),
            Map.entry("injectingDrugUse", SafetyScreen::injectingDrugUse),
            Map.entry("recentSeriousInfection", SafetyScreen::recentSeriousInfection),
            Map.entry("majorTrauma", SafetyScreen::majorTrauma),
            Map.entry("minorTraumaWithOsteoporosis", SafetyScreen::minorTraumaWithOsteoporosis),
            Map.entry("constantNightPain", SafetyScreen::constantNightPain),
            Map.entry("nightSweats", SafetyScreen::nightSweats),
            Map.entry("cancerTreatedNowOrSpread", SafetyScreen::cancerTreatedNowOrSpread));

    private SafetyQuestions() {
    }

    public static boolean exists(String question) {
        return QUESTIONS.containsKey(question);
    }

    public static Answer answer(SafetyScreen screen, String question) {
        Function<SafetyScreen, Answer> q = QUESTIONS.get(question);
        if (q == null) {
            throw new IllegalArgumentException("no such safety question: " + question);
        }
        return q.apply(screen);
    }

    /** The question's JSON pointer in the intake form. */
    public static String pointer(String question) {
        return "/safety/" + question;
    }
}
