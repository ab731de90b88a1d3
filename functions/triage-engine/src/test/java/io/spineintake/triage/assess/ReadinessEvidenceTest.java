package io.spineintake.triage.assess;

import static io.spineintake.triage.assess.CriterionStatus.MET;
import static io.spineintake.triage.assess.CriterionStatus.NOT_MET;
import static io.spineintake.triage.assess.CriterionStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.triage.FormBuilder;
import org.junit.jupiter.api.Test;

/**
 * Spec section 4: each criterion reports the answers that decided it and a plain explanation a
 * coordinator can act on. These tests pin the thresholds' boundaries ("at least"), the exact
 * evidence (question pointer and answer as given, "blank" when left blank) and the explanation
 * naming what is not settled.
 */
class ReadinessEvidenceTest {
    static final String R = ReadinessCheckTest.R;

    static ReadinessCriterion criterion(FormBuilder b, int n) {
        return ReadinessCheckTest.criterion(b, n);
    }

    static Evidence e(String question, String answer) {
        return new Evidence(question, answer);
    }

    // ---- R1: moderate to severe, mainly axial pain with a functional deficit

    @Test
    void averagePainOfExactlyFourIsModerate() {
        // PEG mean 10/3 is below 4, so the average NRS of exactly 4 decides ("at least 4")
        FormBuilder f = ReadinessCheckTest.moderateAxialWithDeficit().set("/pain/nrs/average", 4)
                .set("/pain/peg/averagePain", 2);
        assertThat(criterion(f, 1).status()).isEqualTo(MET);
    }

    @Test
    void aPegMeanOfExactlyFourIsModerate() {
        FormBuilder f = ReadinessCheckTest.moderateAxialWithDeficit().set("/pain/nrs/average", 3)
                .set("/pain/peg/averagePain", 4).set("/pain/peg/enjoymentOfLife", 4).set("/pain/peg/generalActivity", 4);
        assertThat(criterion(f, 1).status()).isEqualTo(MET);
    }

    @Test
    void criterionOneListsTheAnswersThatDecidedIt() {
        ReadinessCriterion c = criterion(ReadinessCheckTest.moderateAxialWithDeficit(), 1);
        assertThat(c.status()).isEqualTo(MET);
        assertThat(c.explanation())
                .isEqualTo("Average pain or PEG at least 4, mainly in the spine, and PEG interference at least 4");
        // PEG 5, 4, 4: mean 13/3, shown to one decimal
        assertThat(c.evidence()).containsExactly(
                e("/pain/nrs/average", "5"),
                e("/pain/peg", "mean 4.3"),
                e(R + "/pattern", "MOSTLY_AXIAL"),
                e("/pain/peg/enjoymentOfLife", "4"),
                e("/pain/peg/generalActivity", "4"));
    }

    @Test
    void aWholePegMeanIsShownWithoutDecimals() {
        FormBuilder f = ReadinessCheckTest.moderateAxialWithDeficit().set("/pain/peg/averagePain", 6)
                .set("/pain/peg/enjoymentOfLife", 6).set("/pain/peg/generalActivity", 6);
        assertThat(criterion(f, 1).evidence()).contains(e("/pain/peg", "mean 6"));
    }

    @Test
    void blankAnswersAreShownAsBlankNeverAsNo() {
        ReadinessCriterion c = criterion(FormBuilder.blank(), 1);
        assertThat(c.status()).isEqualTo(UNKNOWN);
        assertThat(c.evidence()).containsExactly(
                e("/pain/nrs/average", "blank"),
                e("/pain/peg", "incomplete"),
                e(R + "/pattern", "blank"),
                e("/pain/peg/enjoymentOfLife", "blank"),
                e("/pain/peg/generalActivity", "blank"));
        assertThat(c.explanation())
                .isEqualTo("Not settled by the answers: pain level, pain pattern, PEG interference items");
    }

    @Test
    void theExplanationNamesOnlyThePartsLeftOpen() {
        ReadinessCriterion patternOnly = criterion(ReadinessCheckTest.moderateAxialWithDeficit().set(R + "/pattern", null), 1);
        assertThat(patternOnly.status()).isEqualTo(UNKNOWN);
        assertThat(patternOnly.explanation()).isEqualTo("Not settled by the answers: pain pattern");

        ReadinessCriterion pegOnly = criterion(ReadinessCheckTest.moderateAxialWithDeficit().remove("/pain/peg"), 1);
        assertThat(pegOnly.status()).isEqualTo(UNKNOWN);
        assertThat(pegOnly.explanation()).isEqualTo("Not settled by the answers: PEG interference items");
    }

    @Test
    void criterionOneSaysWhichPartRuledItOut() {
        ReadinessCriterion mild = criterion(ReadinessCheckTest.moderateAxialWithDeficit().set("/pain/nrs/average", 2)
                .set("/pain/peg/averagePain", 2).set("/pain/peg/enjoymentOfLife", 2).set("/pain/peg/generalActivity", 2), 1);
        assertThat(mild.status()).isEqualTo(NOT_MET);
        assertThat(mild.explanation()).isEqualTo("Pain is mild: average pain and PEG below 4");

        ReadinessCriterion limb = criterion(ReadinessCheckTest.moderateAxialWithDeficit().set(R + "/pattern", "MOSTLY_LIMB"), 1);
        assertThat(limb.status()).isEqualTo(NOT_MET);
        assertThat(limb.explanation()).isEqualTo("Pain is mainly in the arm or leg, not the spine");

        ReadinessCriterion noDeficit = criterion(ReadinessCheckTest.moderateAxialWithDeficit().set("/pain/peg/averagePain", 9)
                .set("/pain/peg/enjoymentOfLife", 3).set("/pain/peg/generalActivity", 3), 1);
        assertThat(noDeficit.status()).isEqualTo(NOT_MET);
        assertThat(noDeficit.explanation()).isEqualTo("PEG interference items below 4: no functional deficit shown");
    }

    // ---- R2: three months and failed conservative care. Each test leaves exactly one treatment open.

    static FormBuilder threeMonthsNothingElseTried() {
        return ReadinessCheckTest.threeMonths()
                .set("/treatments/physicalTherapy/outcome", "NOT_TRIED")
                .set("/treatments/homeExercise/outcome", "NOT_TRIED")
                .set("/treatments/analgesics/outcome", "NOT_TRIED")
                .set("/treatments/muscleRelaxants/outcome", "NOT_TRIED");
    }

    @Test
    void nothingTriedForThreeMonthsIsNotMet() {
        ReadinessCriterion c = criterion(threeMonthsNothingElseTried(), 2);
        assertThat(c.status()).isEqualTo(NOT_MET);
        assertThat(c.explanation()).isEqualTo(
                "No course of conservative care (4+ weeks of therapy or exercise, or pain medication) tried without enough relief");
    }

    @Test
    void aBlankExerciseAnswerLeavesCareOpen() {
        ReadinessCriterion c = criterion(threeMonthsNothingElseTried().remove("/treatments/homeExercise"), 2);
        assertThat(c.status()).isEqualTo(UNKNOWN);
        assertThat(c.explanation()).isEqualTo("Not settled by the answers: conservative care tried");
        assertThat(c.evidence()).contains(e("/treatments/homeExercise", "blank"));
    }

    @Test
    void failedTherapyOfUnknownLengthLeavesCareOpen() {
        ReadinessCriterion c = criterion(threeMonthsNothingElseTried()
                .set("/treatments/physicalTherapy/outcome", "DID_NOT_HELP"), 2);
        assertThat(c.status()).isEqualTo(UNKNOWN);
        assertThat(c.evidence()).contains(e("/treatments/physicalTherapy", "DID_NOT_HELP"));
    }

    @Test
    void aBlankMedicationAnswerLeavesCareOpen() {
        ReadinessCriterion c = criterion(threeMonthsNothingElseTried().set("/treatments/muscleRelaxants/outcome", null), 2);
        assertThat(c.status()).isEqualTo(UNKNOWN);
        assertThat(c.evidence()).contains(e("/treatments/muscleRelaxants", "blank"));
    }

    @Test
    void criterionTwoListsTheAnswersThatDecidedIt() {
        ReadinessCriterion c = criterion(ReadinessCheckTest.threeMonths()
                .set("/treatments/physicalTherapy/outcome", "DID_NOT_HELP").set("/treatments/physicalTherapy/weeks", 8)
                .set("/treatments/homeExercise/outcome", "HELPED")
                .set("/treatments/muscleRelaxants/outcome", "COULD_NOT_TOLERATE"), 2);
        assertThat(c.status()).isEqualTo(MET);
        assertThat(c.explanation()).isEqualTo("Pain for at least 3 months and conservative care tried without enough relief");
        assertThat(c.evidence()).containsExactly(
                e(R + "/durationMonths", "3"),
                e("/treatments/physicalTherapy", "DID_NOT_HELP, 8 weeks"),
                e("/treatments/homeExercise", "HELPED"),
                e("/treatments/analgesics", "blank"),
                e("/treatments/muscleRelaxants", "COULD_NOT_TOLERATE"));
    }

    // ---- R3 and R4: the findings as answered

    @Test
    void criteriaThreeAndFourShowEachFindingAsAnswered() {
        FormBuilder f = FormBuilder.blank().set("/findings/radiculopathy", "NO").set("/findings/fracture", "NO")
                .set("/findings/tumour", "UNSURE").set("/findings/significantDeformity", "YES");
        ReadinessCriterion r3 = criterion(f, 3);
        assertThat(r3.evidence()).containsExactly(
                e("/findings/radiculopathy", "NO"),
                e("/findings/stenosisWithClaudication", "blank"));
        assertThat(r3.explanation()).isEqualTo("Not settled by the answers: radiculopathy or claudication not answered");
        ReadinessCriterion r4 = criterion(f, 4);
        assertThat(r4.status()).isEqualTo(NOT_MET);
        assertThat(r4.evidence()).containsExactly(
                e("/findings/fracture", "NO"),
                e("/findings/tumour", "UNSURE"),
                e("/findings/infection", "blank"),
                e("/findings/significantDeformity", "YES"));
    }
}
