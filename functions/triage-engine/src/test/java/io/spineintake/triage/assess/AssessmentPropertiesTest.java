package io.spineintake.triage.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.triage.FormBuilder;
import io.spineintake.triage.GeneratedForms;
import io.spineintake.triage.TestForms;
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

    static final String[] HARD_STOPS = Arrays.copyOf(GeneratedForms.SAFETY, 5);
    static final String[] FACET_SIGNS = {"worseWith/bendingBackward", "worseWith/twisting", "worseWith/extensionWithRotation",
        "worseWith/lookingUp", "worseWith/turningHead", "tenderBesideSpine", "easedBy/lyingDown", "easedBy/bendingForward",
        "morningStiffness", "occipitalHeadache", "/findings/facetArthropathy", "/findings/spondylosisOrDegeneration",
        "/treatments/priorMedialBranchBlock"};
    static final String[] RADICULAR = {"limbSymptoms/numbness", "limbSymptoms/tingling", "limbSymptoms/weakness",
        "worseWith/coughingSneezing", "spread", "pattern"};

    @Provide
    Arbitrary<FormBuilder> forms() {
        return GeneratedForms.forms();
    }

    static final io.spineintake.triage.form.FormContract CONTRACT = io.spineintake.triage.form.FormContract.load();

    @Property(tries = 200)
    void everyGeneratedFormIsOneTheContractAccepts(@ForAll("forms") FormBuilder form) {
        var reading = CONTRACT.read(TestForms.bytes(form.json()));
        assertThat(reading.violations()).isEmpty();
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
