package io.spineintake.triage;

import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Spread;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Intake forms for property tests: one to three regions, any answer possibly blank or unsure,
 * safety mostly clear so that every disposition is reached. Shared through the engine's test-jar,
 * so the engine's properties and the system's invariant run over the same forms.
 */
public final class GeneratedForms {
    private GeneratedForms() {
    }

    public static final String[] REGION_ANSWERS = {"occipitalHeadache", "morningStiffness", "tenderBesideSpine",
        "limbSymptoms/numbness", "limbSymptoms/tingling", "limbSymptoms/weakness",
        "worseWith/bendingForward", "worseWith/bendingBackward", "worseWith/twisting", "worseWith/sideBending",
        "worseWith/extensionWithRotation", "worseWith/risingFromBent", "worseWith/prolongedStanding",
        "worseWith/prolongedSitting", "worseWith/walking", "worseWith/coughingSneezing", "worseWith/lookingUp",
        "worseWith/turningHead", "easedBy/lyingDown", "easedBy/sitting", "easedBy/bendingForward", "easedBy/walking"};
    public static final String[] FINDINGS = {"facetArthropathy", "spondylosisOrDegeneration", "fracture", "tumour",
        "infection", "significantDeformity", "radiculopathy", "stenosisWithClaudication", "osteoporosis"};
    public static final String[] SAFETY = {"saddleNumbness", "bladderOrBowelChange", "worseningLegWeakness",
        "handClumsinessOrGaitTrouble", "suddenNeckPainWithNeuroSymptoms", "historyOfCancer", "unexplainedWeightLoss",
        "feverOrChills", "immunosuppressionOrSteroids", "injectingDrugUse", "recentSeriousInfection", "majorTrauma",
        "minorTraumaWithOsteoporosis", "constantNightPain", "nightSweats", "cancerTreatedNowOrSpread"};
    public static final String[] TREATMENTS = {"physicalTherapy", "homeExercise", "analgesics", "muscleRelaxants"};
    static final String[] SIDES = {"LEFT", "RIGHT", "BOTH", "CENTRAL"};

    public static Arbitrary<String> answer() {
        return Arbitraries.of("YES", "NO", "UNSURE", "-").map(a -> a.equals("-") ? null : a);
    }

    /** Valid forms (the contract accepts each), as builders. */
    public static Arbitrary<FormBuilder> forms() {
        Arbitrary<List<Region>> regions = Arbitraries.of(Region.class).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<List<String>> answers = answer().list().ofSize(200);
        Arbitrary<List<Integer>> numbers = Arbitraries.integers().between(0, 10).injectNull(0.2).list().ofSize(30);
        Arbitrary<LocalDate> born = Arbitraries.integers().between(0, 80 * 365).map(d -> LocalDate.of(1930, 1, 1).plusDays(d));
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 1000).list().ofSize(24);
        return Combinators.combine(regions, answers, numbers, born, picks).as(GeneratedForms::build);
    }

    static FormBuilder build(List<Region> regions, List<String> answers, List<Integer> numbers, LocalDate born,
                             List<Integer> picks) {
        FormBuilder f = FormBuilder.blank().set("/patient/dateOfBirth", born.toString())
                .set("/patient/language", picks.get(23) % 3 == 0 ? "es" : "en");
        int a = 0;
        for (int i = 0; i < regions.size(); i++) {
            Region region = regions.get(i);
            String at = "/pain/regions/" + i;
            f.set(at + "/region", region.name());
            for (String q : REGION_ANSWERS) {
                f.set(at + "/" + q, answers.get(a++));
            }
            if ("YES".equals(answers.get(a++))) {
                f.set(at + "/worseWith/twistingSide", SIDES[picks.get(20 + i) % SIDES.length]);
            }
            List<Spread> spreads = Arrays.stream(Spread.values()).filter(s -> s.appliesTo(region)).toList();
            int p = picks.get(i);
            f.set(at + "/spread", p % 7 == 0 ? null : spreads.get(p % spreads.size()).name());
            f.set(at + "/pattern", p % 5 == 0 ? null : p % 2 == 0 ? "MOSTLY_AXIAL" : "MOSTLY_LIMB");
            f.set(at + "/durationMonths", picks.get(3 + i) % 11 == 0 ? null : picks.get(3 + i) % 40);
        }
        if (regions.size() > 1 && picks.get(6) % 2 == 0) {
            f.set("/pain/mainRegion", regions.get(picks.get(7) % regions.size()).name());
        }
        if (regions.contains(Region.LUMBAR)) {
            f.set("/pain/claudicationPattern", picks.get(16) % 3 == 0 ? answers.get(a) : "NO");
        }
        a++;
        f.set("/pain/nrs/average", numbers.get(0)).set("/pain/nrs/now", numbers.get(1))
                .set("/pain/peg/averagePain", numbers.get(2)).set("/pain/peg/enjoymentOfLife", numbers.get(3))
                .set("/pain/peg/generalActivity", numbers.get(4));
        for (String q : FINDINGS) {
            f.set("/findings/" + q, answers.get(a++));
        }
        for (String q : SAFETY) {
            // mostly NO, so every disposition is reached
            String v = answers.get(a++);
            f.set("/safety/" + q, picks.get(8) % 4 == 0 ? v : "YES".equals(v) ? "NO" : v == null ? "NO" : v);
        }
        if (picks.get(17) % 5 == 0) {
            f.set("/safety/injuryDaysAgo", picks.get(18) % 120);
        }
        String[] outcomes = {"NOT_TRIED", "HELPED", "DID_NOT_HELP", "COULD_NOT_TOLERATE", null};
        for (int t = 0; t < TREATMENTS.length; t++) {
            f.set("/treatments/" + TREATMENTS[t] + "/outcome", outcomes[picks.get(9 + t) % outcomes.length]);
            f.set("/treatments/" + TREATMENTS[t] + "/weeks", numbers.get(5 + t));
        }
        if (picks.get(13) % 3 == 0) {
            f.set("/treatments/priorMedialBranchBlock/outcome", "HELPED")
                    .set("/treatments/priorMedialBranchBlock/reliefPercent", picks.get(14) % 101)
                    .set("/treatments/priorMedialBranchBlock/reliefHours", (double) (picks.get(15) % 12));
        }
        if (picks.get(19) % 4 == 0) {
            f.set("/treatments/priorRadiofrequencyAblation/outcome", picks.get(19) % 8 == 0 ? "HELPED" : "DID_NOT_HELP")
                    .set("/treatments/priorRadiofrequencyAblation/reliefPercent", picks.get(14) % 101)
                    .set("/treatments/priorRadiofrequencyAblation/reliefMonths", (double) (picks.get(15) % 14))
                    .set("/treatments/priorRadiofrequencyAblation/painReturned", answers.get(a));
        }
        return f;
    }
}
