package io.spineintake.triage.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.triage.FormBuilder;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Spread;
import io.spineintake.triage.rules.RuleSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of spec section 5 and 3 over generated forms (any answer may be blank). */
class AssessmentPropertiesTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final TriageEngine ENGINE = new TriageEngine(RuleSet.bundled());

    static final String[] REGION_ANSWERS = {"occipitalHeadache", "morningStiffness", "tenderBesideSpine",
        "limbSymptoms/numbness", "limbSymptoms/tingling", "limbSymptoms/weakness",
        "worseWith/bendingForward", "worseWith/bendingBackward", "worseWith/twisting", "worseWith/sideBending",
        "worseWith/extensionWithRotation", "worseWith/risingFromBent", "worseWith/prolongedStanding",
        "worseWith/prolongedSitting", "worseWith/walking", "worseWith/coughingSneezing", "worseWith/lookingUp",
        "worseWith/turningHead", "easedBy/lyingDown", "easedBy/sitting", "easedBy/bendingForward", "easedBy/walking"};
    static final String[] FINDINGS = {"facetArthropathy", "spondylosisOrDegeneration", "fracture", "tumour", "infection",
        "significantDeformity", "radiculopathy", "stenosisWithClaudication", "osteoporosis"};
    static final String[] SAFETY = {"saddleNumbness", "bladderOrBowelChange", "worseningLegWeakness",
        "handClumsinessOrGaitTrouble", "suddenNeckPainWithNeuroSymptoms", "historyOfCancer", "unexplainedWeightLoss",
        "feverOrChills", "immunosuppressionOrSteroids", "injectingDrugUse", "recentSeriousInfection", "majorTrauma",
        "minorTraumaWithOsteoporosis", "constantNightPain"};
    static final String[] HARD_STOPS = Arrays.copyOf(SAFETY, 5);
    static final String[] TREATMENTS = {"physicalTherapy", "homeExercise", "analgesics", "muscleRelaxants"};
    static final String[] FACET_SIGNS = {"worseWith/bendingBackward", "worseWith/twisting", "worseWith/extensionWithRotation",
        "worseWith/lookingUp", "worseWith/turningHead", "tenderBesideSpine", "easedBy/lyingDown", "easedBy/bendingForward",
        "morningStiffness", "occipitalHeadache", "/findings/facetArthropathy", "/findings/spondylosisOrDegeneration",
        "/treatments/priorMedialBranchBlock"};
    static final String[] RADICULAR = {"limbSymptoms/numbness", "limbSymptoms/tingling", "limbSymptoms/weakness",
        "worseWith/coughingSneezing", "spread", "pattern"};

    static Arbitrary<String> answer() {
        return Arbitraries.of("YES", "NO", "UNSURE", "-").map(a -> a.equals("-") ? null : a);
    }

    static Arbitrary<Integer> maybe(int min, int max) {
        return Arbitraries.integers().between(min, max).injectNull(0.2);
    }

    @Provide
    Arbitrary<FormBuilder> forms() {
        Arbitrary<List<Region>> regions = Arbitraries.of(Region.class).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<List<String>> answers = answer().list().ofSize(200);
        Arbitrary<List<Integer>> numbers = Arbitraries.integers().between(0, 10).injectNull(0.2).list().ofSize(30);
        Arbitrary<LocalDate> born = Arbitraries.integers().between(0, 80 * 365).map(d -> LocalDate.of(1930, 1, 1).plusDays(d));
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 1000).list().ofSize(20);
        return Combinators.combine(regions, answers, numbers, born, picks).as(AssessmentPropertiesTest::build);
    }

    static FormBuilder build(List<Region> regions, List<String> answers, List<Integer> numbers, LocalDate born,
                             List<Integer> picks) {
        FormBuilder f = FormBuilder.blank().set("/patient/dateOfBirth", born.toString());
        int a = 0;
        for (int i = 0; i < regions.size(); i++) {
            Region region = regions.get(i);
            String at = "/pain/regions/" + i;
            f.set(at + "/region", region.name());
            for (String q : REGION_ANSWERS) {
                f.set(at + "/" + q, answers.get(a++));
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
        return f;
    }

    static List<Integer> scores(Assessment a) {
        // region order is stable for a given form: main first, then as listed
        List<Integer> out = new ArrayList<>();
        for (RegionAssessment r : a.regions()) {
            out.add(r.score());
        }
        return out;
    }

    static int regionCount(FormBuilder f) {
        return f.form().pain().regions().size();
    }

    @Property(tries = 400)
    void addingAFacetLoadingSignNeverLowersAScore(@ForAll("forms") FormBuilder form,
                                                 @ForAll("signIndex") int sign, @ForAll("regionIndex") int region) {
        List<Integer> before = scores(ENGINE.assess(form.form(), NOW));
        String s = FACET_SIGNS[sign % FACET_SIGNS.length];
        FormBuilder after = FormBuilder.of(form.json());
        if (s.equals("/treatments/priorMedialBranchBlock")) {
            after.set(s + "/outcome", "HELPED").set(s + "/reliefPercent", 95).set(s + "/reliefHours", 8.0);
        } else if (s.startsWith("/")) {
            after.set(s, "YES");
        } else {
            after.set("/pain/regions/" + (region % regionCount(form)) + "/" + s, "YES");
        }
        List<Integer> now = scores(ENGINE.assess(after.form(), NOW));
        for (int i = 0; i < before.size(); i++) {
            assertThat(now.get(i)).as("region %d after %s", i, s).isGreaterThanOrEqualTo(before.get(i));
        }
    }

    @Property(tries = 400)
    void addingRadicularFeaturesNeverRaisesAScore(@ForAll("forms") FormBuilder form,
                                                 @ForAll("signIndex") int sign, @ForAll("regionIndex") int region) {
        List<Integer> before = scores(ENGINE.assess(form.form(), NOW));
        String s = RADICULAR[sign % RADICULAR.length];
        int r = region % regionCount(form);
        String at = "/pain/regions/" + r + "/";
        Region which = form.form().pain().regions().get(r).region();
        FormBuilder after = FormBuilder.of(form.json());
        switch (s) {
            case "spread" -> after.set(at + s, which == Region.LUMBAR ? "FOOT" : which == Region.CERVICAL ? "HAND" : "AROUND_CHEST");
            case "pattern" -> after.set(at + s, "MOSTLY_LIMB");
            default -> after.set(at + s, "YES");
        }
        List<Integer> now = scores(ENGINE.assess(after.form(), NOW));
        for (int i = 0; i < before.size(); i++) {
            assertThat(now.get(i)).as("region %d after %s", i, s).isLessThanOrEqualTo(before.get(i));
        }
    }

    @Property(tries = 300)
    void anyHardStopAnswerIsAnEmergencyWhateverElseIsAnswered(@ForAll("forms") FormBuilder form,
                                                           @ForAll("signIndex") int which) {
        String q = HARD_STOPS[which % HARD_STOPS.length];
        Assessment a = ENGINE.assess(FormBuilder.of(form.json()).set("/safety/" + q, "YES").form(), NOW);
        assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
        assertThat(a.patientMessage()).isEqualTo(PatientMessage.SEEK_EMERGENCY_CARE_NOW);
        assertThat(a.redFlags().hardStops()).extracting(RedFlag::question).contains("/safety/" + q);
    }

    @Property(tries = 300)
    void anUnansweredHardStopNeverYieldsASilentConsult(@ForAll("forms") FormBuilder form,
                                                     @ForAll("signIndex") int which, @ForAll("blank") String blank) {
        String q = HARD_STOPS[which % 3]; // the three asked of every patient
        Assessment a = ENGINE.assess(FormBuilder.of(form.json()).set("/safety/" + q, blank).form(), NOW);
        assertThat(a.disposition()).isNotIn(Disposition.CONSULT, Disposition.OTHER_PATHWAY,
                Disposition.CONSERVATIVE_CARE_FIRST);
        if (a.redFlags().hardStops().isEmpty()) {
            assertThat(a.redFlags().unansweredHardStops()).contains("/safety/" + q);
            assertThat(a.toConfirm()).contains("/safety/" + q);
        }
    }

    @Property(tries = 500)
    void scoresStayWithinZeroToHundredAndAreFullyExplained(@ForAll("forms") FormBuilder form) {
        Assessment a = ENGINE.assess(form.form(), NOW);
        assertThat(a.regions()).hasSize(regionCount(form));
        assertThat(a.regions().get(0).main()).isTrue();
        for (RegionAssessment r : a.regions()) {
            assertThat(r.score()).isBetween(0, 100);
            assertThat(r.contributions().stream().mapToInt(Contribution::points).sum()).isEqualTo(r.score());
        }
        assertThat(a.score()).isEqualTo(a.regions().get(0).score());
        assertThat(a.readiness()).hasSize(4);
        assertThat(a.priorityKey()).hasSize(21);
    }

    @Property(tries = 200)
    void theSameFormAlwaysGivesTheSameAssessment(@ForAll("forms") FormBuilder form) {
        Assessment first = ENGINE.assess(form.form(), NOW);
        Assessment again = new TriageEngine(RuleSet.bundled()).assess(FormBuilder.of(form.json()).form(), NOW);
        assertThat(again).isEqualTo(first);
    }

    @Provide
    Arbitrary<Integer> signIndex() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<Integer> regionIndex() {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<String> blank() {
        return Arbitraries.of("UNSURE", "-").map(s -> s.equals("-") ? null : s);
    }
}
