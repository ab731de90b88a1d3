package io.spineintake.triage.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.triage.FormBuilder;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.rules.RuleSet;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafetyScreeningTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final TriageEngine ENGINE = new TriageEngine(RuleSet.bundled());

    /** A form that would otherwise be a routine CONSULT (V01-like). */
    static FormBuilder consultCandidate() {
        String r = "/pain/regions/0";
        return FormBuilder.blank().safetyClear()
                .set(r + "/durationMonths", 14).set(r + "/pattern", "MOSTLY_AXIAL").set(r + "/spread", "SPINE_ONLY")
                .set(r + "/worseWith/bendingBackward", "YES").set(r + "/worseWith/twisting", "YES")
                .set(r + "/tenderBesideSpine", "YES").set(r + "/worseWith/coughingSneezing", "NO")
                .set("/pain/nrs/average", 6).set("/pain/peg/averagePain", 6).set("/pain/peg/enjoymentOfLife", 6)
                .set("/pain/peg/generalActivity", 6)
                .set("/treatments/physicalTherapy/outcome", "DID_NOT_HELP").set("/treatments/physicalTherapy/weeks", 8)
                .set("/findings/radiculopathy", "NO").set("/findings/stenosisWithClaudication", "NO")
                .set("/findings/fracture", "NO").set("/findings/tumour", "NO").set("/findings/infection", "NO")
                .set("/findings/significantDeformity", "NO");
    }

    static Assessment assess(FormBuilder b) {
        return ENGINE.assess(b.form(), NOW);
    }

    @Test
    void theBaselineIsARoutineConsult() {
        Assessment a = assess(consultCandidate());
        assertThat(a.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(a.redFlags().unansweredHardStops()).isEmpty();
        assertThat(a.patientMessage()).isEqualTo(PatientMessage.CONSULT_TEAM_WILL_CONTACT);
    }

    @ParameterizedTest
    @CsvSource({"saddleNumbness,H_SADDLE_NUMBNESS", "bladderOrBowelChange,H_BLADDER_BOWEL",
            "worseningLegWeakness,H_PROGRESSIVE_WEAKNESS", "handClumsinessOrGaitTrouble,H_MYELOPATHY",
            "suddenNeckPainWithNeuroSymptoms,H_VASCULAR"})
    void eachHardStopIsAnEmergencyNamingItsQuestion(String question, String id) {
        Assessment a = assess(consultCandidate().set("/safety/" + question, "YES"));
        assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
        assertThat(a.dispositionRule()).isEqualTo(1);
        assertThat(a.redFlags().hardStops()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(id);
            assertThat(f.question()).isEqualTo("/safety/" + question);
            assertThat(f.source()).isNotBlank();
        });
        assertThat(a.patientMessage()).isEqualTo(PatientMessage.SEEK_EMERGENCY_CARE_NOW);
        assertThat(a.priorityKey()).startsWith("0-");
    }

    @ParameterizedTest
    @CsvSource({"historyOfCancer,U_CANCER", "unexplainedWeightLoss,U_WEIGHT_LOSS", "feverOrChills,U_FEVER",
            "immunosuppressionOrSteroids,U_IMMUNOSUPPRESSION", "injectingDrugUse,U_INJECTING_DRUGS",
            "recentSeriousInfection,U_RECENT_INFECTION", "majorTrauma,U_MAJOR_TRAUMA",
            "minorTraumaWithOsteoporosis,U_MINOR_TRAUMA_OSTEOPOROSIS", "constantNightPain,U_NIGHT_PAIN"})
    void eachUrgentFlagCallsForUrgentReview(String question, String id) {
        Assessment a = assess(consultCandidate().set("/safety/" + question, "YES"));
        assertThat(a.disposition()).isEqualTo(Disposition.URGENT_REVIEW);
        assertThat(a.dispositionRule()).isEqualTo(2);
        assertThat(a.redFlags().urgent()).extracting(RedFlag::id).containsExactly(id);
        assertThat(a.patientMessage()).isEqualTo(PatientMessage.CLINICIAN_WILL_CALL_SOON);
        assertThat(a.priorityKey()).startsWith("1-");
    }

    @ParameterizedTest
    @CsvSource({"nightSweats,U_NIGHT_SWEATS,SUSPECTED_MALIGNANCY", "cancerTreatedNowOrSpread,U_ACTIVE_CANCER,SUSPECTED_MALIGNANCY"})
    void theNewConstitutionalQuestionsAreUrgentFlagsOfTheMalignancyGroup(String question, String id, String group) {
        Assessment a = assess(consultCandidate().set("/safety/" + question, "YES"));
        assertThat(a.disposition()).isEqualTo(Disposition.URGENT_REVIEW);
        assertThat(a.redFlags().urgent()).extracting(RedFlag::id).containsExactly(id);
        assertThat(a.severity()).isEqualTo(group);
    }

    @Test
    void aTraumaWithoutTheDayItHappenedIsToConfirmAndWithItIsNot() {
        for (String trauma : new String[] {"majorTrauma", "minorTraumaWithOsteoporosis"}) {
            assertThat(assess(consultCandidate().set("/safety/" + trauma, "YES")).toConfirm()).as(trauma)
                    .contains("/safety/injuryDaysAgo");
            assertThat(assess(consultCandidate().set("/safety/" + trauma, "YES").set("/safety/injuryDaysAgo", 3))
                    .toConfirm()).as(trauma).doesNotContain("/safety/injuryDaysAgo");
        }
        assertThat(assess(consultCandidate().set("/safety/majorTrauma", "UNSURE")).toConfirm())
                .doesNotContain("/safety/injuryDaysAgo");
        assertThat(assess(consultCandidate()).toConfirm()).doesNotContain("/safety/injuryDaysAgo");
    }

    @Test
    void emergenciesAreOrderedByFlagCountThenSeverityNeverByScore() {
        Assessment cauda = assess(consultCandidate().set("/safety/saddleNumbness", "YES"));
        Assessment both = assess(consultCandidate().set("/safety/saddleNumbness", "YES").set("/safety/bladderOrBowelChange", "YES"));
        FormBuilder neck = consultCandidate().set("/pain/regions/0/region", "CERVICAL").set("/pain/regions/0/spread", "SPINE_ONLY")
                .set("/safety/handClumsinessOrGaitTrouble", "NO").set("/safety/suddenNeckPainWithNeuroSymptoms", "YES");
        Assessment vascular = assess(neck);
        assertThat(both.flagCount()).isEqualTo(2);
        assertThat(cauda.flagCount()).isEqualTo(1);
        assertThat(cauda.severity()).isEqualTo("SUSPECTED_CAUDA_EQUINA");
        assertThat(vascular.severity()).isEqualTo("SUSPECTED_ARTERIAL_INJURY");
        assertThat(both.priorityKey()).isLessThan(vascular.priorityKey());
        assertThat(vascular.priorityKey()).isLessThan(cauda.priorityKey());
        // the score is not in an emergency's key: a weaker facet picture sorts the same
        Assessment weaker = assess(consultCandidate().set("/safety/saddleNumbness", "YES")
                .set("/pain/regions/0/worseWith/bendingBackward", "NO").set("/pain/regions/0/tenderBesideSpine", "NO"));
        assertThat(weaker.score()).isLessThan(cauda.score());
        assertThat(weaker.priorityKey()).isEqualTo(cauda.priorityKey());
    }

    @Test
    void mildPainIsRecontactedSixWeeksAfterTheAdviceWhenItsThreeMonthMarkHasPassedOrIsUnknown() {
        FormBuilder mild = consultCandidate().set("/pain/nrs/average", 2).set("/pain/peg/averagePain", 2)
                .set("/pain/peg/enjoymentOfLife", 2).set("/pain/peg/generalActivity", 2);
        java.time.Instant sixWeeks = NOW.plus(java.time.Duration.ofDays(42));
        Assessment longStanding = assess(mild);
        assertThat(longStanding.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE_FIRST);
        assertThat(longStanding.recontactAt()).isEqualTo(sixWeeks);
        Assessment undated = assess(mild.copy().set("/pain/regions/0/durationMonths", null));
        assertThat(undated.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE_FIRST);
        assertThat(undated.recontactAt()).isEqualTo(sixWeeks);
        assertThat(assess(consultCandidate()).recontactAt()).as("only conservative care is re-contacted").isNull();
    }

    @Test
    void aHardStopWinsOverUrgentFlags() {
        Assessment a = assess(consultCandidate().set("/safety/historyOfCancer", "YES").set("/safety/saddleNumbness", "YES"));
        assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
    }

    @Test
    void anUnansweredHardStopIsNeverReadAsNo() {
        for (String answer : new String[] {null, "UNSURE"}) {
            FormBuilder f = consultCandidate().set("/safety/bladderOrBowelChange", answer);
            Assessment a = assess(f);
            assertThat(a.disposition()).isEqualTo(Disposition.URGENT_REVIEW);
            assertThat(a.redFlags().unansweredHardStops()).containsExactly("/safety/bladderOrBowelChange");
            assertThat(a.toConfirm()).contains("/safety/bladderOrBowelChange");
            assertThat(a.dispositionReason()).contains("/safety/bladderOrBowelChange");
        }
    }

    @Test
    void theNecksHardStopsAreAskedOnlyWhenTheNeckHurts() {
        FormBuilder lumbar = consultCandidate().set("/safety/handClumsinessOrGaitTrouble", null)
                .set("/safety/suddenNeckPainWithNeuroSymptoms", null);
        assertThat(assess(lumbar).redFlags().unansweredHardStops()).isEmpty();
        assertThat(assess(lumbar).disposition()).isEqualTo(Disposition.CONSULT);
        FormBuilder neck = lumbar.set("/pain/regions/1/region", "CERVICAL");
        assertThat(assess(neck).redFlags().unansweredHardStops())
                .containsExactly("/safety/handClumsinessOrGaitTrouble", "/safety/suddenNeckPainWithNeuroSymptoms");
        assertThat(assess(neck).disposition()).isEqualTo(Disposition.URGENT_REVIEW);
    }

    @Test
    void unansweredUrgentQuestionsAreListedButDoNotEscalate() {
        Assessment a = assess(consultCandidate().set("/safety/historyOfCancer", null));
        assertThat(a.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(a.redFlags().unansweredUrgent()).containsExactly("/safety/historyOfCancer");
        assertThat(a.toConfirm()).contains("/safety/historyOfCancer");
    }

    @Test
    void painStartingAfterFiftyIsNotedButDoesNotDecideAlone() {
        // born 1960: 66 now; pain for 14 months began at 64
        Assessment a = assess(consultCandidate().set("/patient/dateOfBirth", "1960-01-10"));
        assertThat(a.redFlags().noted()).extracting(RedFlag::id).containsExactly("U_AGE_AT_ONSET");
        assertThat(a.disposition()).isEqualTo(Disposition.CONSULT);
        Assessment young = assess(consultCandidate().set("/patient/dateOfBirth", "1990-01-10"));
        assertThat(young.redFlags().noted()).isEmpty();
        Assessment teen = assess(consultCandidate().set("/patient/dateOfBirth", "2008-01-10"));
        assertThat(teen.redFlags().noted()).extracting(RedFlag::id).containsExactly("U_AGE_AT_ONSET");
    }

    @Test
    void moreUrgentFlagsComeFirstWithinTheUrgentBandAndTheAgeAtOnsetNeverCounts() {
        Assessment one = assess(consultCandidate().set("/safety/historyOfCancer", "YES"));
        Assessment two = assess(consultCandidate().set("/safety/historyOfCancer", "YES").set("/safety/unexplainedWeightLoss", "YES"));
        Assessment twoAndAge = assess(consultCandidate().set("/safety/historyOfCancer", "YES")
                .set("/safety/unexplainedWeightLoss", "YES").set("/patient/dateOfBirth", "1955-01-10"));
        assertThat(two.priorityKey()).isLessThan(one.priorityKey());
        assertThat(twoAndAge.redFlags().noted()).extracting(RedFlag::id).containsExactly("U_AGE_AT_ONSET");
        assertThat(twoAndAge.flagCount()).isEqualTo(2);
        assertThat(twoAndAge.priorityKey()).as("a note is not a flag").isEqualTo(two.priorityKey());
    }

    @Test
    void atTheSameFlagCountTheSeverityOrderDecidesNeverTheScore() {
        FormBuilder infection = consultCandidate().set("/safety/feverOrChills", "YES").set("/safety/injectingDrugUse", "YES");
        FormBuilder malignancy = consultCandidate().set("/safety/historyOfCancer", "YES").set("/safety/constantNightPain", "YES");
        FormBuilder fracture = consultCandidate().set("/safety/majorTrauma", "YES").set("/safety/recentSeriousInfection", "YES");
        Assessment a = assess(infection);
        Assessment b = assess(malignancy);
        Assessment c = assess(fracture);
        assertThat(a.severity()).isEqualTo("SUSPECTED_INFECTION");
        assertThat(b.severity()).isEqualTo("SUSPECTED_MALIGNANCY");
        assertThat(c.severity()).isEqualTo("FRACTURE_RISK");
        assertThat(a.priorityKey()).isLessThan(b.priorityKey());
        assertThat(b.priorityKey()).isLessThan(c.priorityKey());
        // a far higher facet score does not lift a weaker red-flag picture
        Assessment strongFacets = assess(fracture.copy().set("/findings/facetArthropathy", "YES")
                .set("/pain/regions/0/morningStiffness", "YES"));
        assertThat(strongFacets.score()).isGreaterThan(c.score());
        assertThat(strongFacets.priorityKey().substring(0, 8)).isEqualTo(c.priorityKey().substring(0, 8));
        // fever alone is not the infection picture
        assertThat(assess(consultCandidate().set("/safety/feverOrChills", "YES")).severity()).isNull();
    }

    @Test
    void theNewSafetyQuestionsRaiseUrgentFlags() {
        assertThat(assess(consultCandidate().set("/safety/nightSweats", "YES")).redFlags().urgent())
                .extracting(RedFlag::id).containsExactly("U_NIGHT_SWEATS");
        Assessment active = assess(consultCandidate().set("/safety/cancerTreatedNowOrSpread", "YES"));
        assertThat(active.redFlags().urgent()).extracting(RedFlag::id).containsExactly("U_ACTIVE_CANCER");
        assertThat(active.severity()).isEqualTo("SUSPECTED_MALIGNANCY");
        assertThat(active.disposition()).isEqualTo(Disposition.URGENT_REVIEW);
    }

    @Test
    void painStartingAtExactlyTwentyOrFiftyIsNotNoted() {
        // received 2026-11-27; pain for 12 months began 2025-11-27
        FormBuilder f = consultCandidate().set("/pain/regions/0/durationMonths", 12);
        assertThat(assess(f.set("/patient/dateOfBirth", "2005-11-27")).redFlags().noted()).as("began at 20").isEmpty();
        assertThat(assess(f.set("/patient/dateOfBirth", "2005-11-28")).redFlags().noted()).as("began at 19")
                .extracting(RedFlag::id).containsExactly("U_AGE_AT_ONSET");
        assertThat(assess(f.set("/patient/dateOfBirth", "1975-11-27")).redFlags().noted()).as("began at 50").isEmpty();
        assertThat(assess(f.set("/patient/dateOfBirth", "1974-11-27")).redFlags().noted()).as("began at 51")
                .extracting(RedFlag::id).containsExactly("U_AGE_AT_ONSET");
    }

    @Test
    void ageAtOnsetIsTakenFromTheLongestStandingPain() {
        // born 1990: the neck hurts for a month (onset at 36), the back for 30 years (onset at 6)
        FormBuilder f = consultCandidate().set("/patient/dateOfBirth", "1990-01-01")
                .set("/pain/regions/0/durationMonths", 1)
                .set("/pain/regions/1/region", "CERVICAL").set("/pain/regions/1/durationMonths", 360);
        assertThat(assess(f).redFlags().noted()).singleElement().satisfies(flag -> {
            assertThat(flag.id()).isEqualTo("U_AGE_AT_ONSET");
            assertThat(flag.question()).isEqualTo("/patient/dateOfBirth");
        });
    }

    @Test
    void withoutADurationTheAgeAtOnsetIsNotGuessed() {
        Assessment a = assess(consultCandidate().set("/patient/dateOfBirth", "1930-05-01").set("/pain/regions/0/durationMonths", null));
        assertThat(a.redFlags().noted()).isEmpty();
    }
}
