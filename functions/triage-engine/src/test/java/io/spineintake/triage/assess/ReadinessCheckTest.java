package io.spineintake.triage.assess;

import static io.spineintake.triage.assess.CriterionStatus.MET;
import static io.spineintake.triage.assess.CriterionStatus.NOT_MET;
import static io.spineintake.triage.assess.CriterionStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.triage.FormBuilder;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.rules.RuleSet;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadinessCheckTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final TriageEngine ENGINE = new TriageEngine(RuleSet.bundled());
    static final String R = "/pain/regions/0";

    static ReadinessCriterion criterion(FormBuilder b, int n) {
        ReadinessCriterion c = ENGINE.assess(b.form(), NOW).readiness().get(n - 1);
        assertThat(c.number()).isEqualTo(n);
        assertThat(c.explanation()).isNotBlank();
        return c;
    }

    static FormBuilder moderateAxialWithDeficit() {
        return FormBuilder.blank().set(R + "/pattern", "MOSTLY_AXIAL").set("/pain/nrs/average", 5)
                .set("/pain/peg/averagePain", 5).set("/pain/peg/enjoymentOfLife", 4).set("/pain/peg/generalActivity", 4);
    }

    @Test
    void criterionOneIsMetByModerateAxialPainWithADeficit() {
        ReadinessCriterion c = criterion(moderateAxialWithDeficit(), 1);
        assertThat(c.status()).isEqualTo(MET);
        assertThat(c.evidence()).extracting(Evidence::question).contains("/pain/nrs/average", R + "/pattern");
    }

    @Test
    void criterionOneAcceptsPegWhenAverageNrsIsLow() {
        assertThat(criterion(moderateAxialWithDeficit().set("/pain/nrs/average", 3), 1).status()).isEqualTo(MET);
        assertThat(criterion(moderateAxialWithDeficit().set("/pain/nrs/average", 3).set("/pain/peg/averagePain", 3)
                .set("/pain/peg/enjoymentOfLife", 3).set("/pain/peg/generalActivity", 3), 1).status()).isEqualTo(NOT_MET);
    }

    @Test
    void criterionOneIsNotMetForMildLimbOrNonLimitingPain() {
        assertThat(criterion(moderateAxialWithDeficit().set("/pain/nrs/average", 2).remove("/pain/peg"), 1).status())
                .isEqualTo(NOT_MET);
        assertThat(criterion(moderateAxialWithDeficit().set(R + "/pattern", "MOSTLY_LIMB"), 1).status()).isEqualTo(NOT_MET);
        assertThat(criterion(moderateAxialWithDeficit().set("/pain/peg/enjoymentOfLife", 3)
                .set("/pain/peg/generalActivity", 3).set("/pain/peg/averagePain", 9), 1).status()).isEqualTo(NOT_MET);
    }

    @Test
    void criterionOneIsUnknownWhenAPartIsBlank() {
        assertThat(criterion(moderateAxialWithDeficit().remove("/pain/peg"), 1).status()).isEqualTo(UNKNOWN);
        assertThat(criterion(moderateAxialWithDeficit().set(R + "/pattern", null), 1).status()).isEqualTo(UNKNOWN);
        assertThat(criterion(FormBuilder.blank(), 1).status()).isEqualTo(UNKNOWN);
    }

    static FormBuilder threeMonths() {
        return FormBuilder.blank().set(R + "/durationMonths", 3);
    }

    @Test
    void criterionTwoNeedsThreeMonthsAndFailedConservativeCare() {
        assertThat(criterion(threeMonths().set("/treatments/physicalTherapy/outcome", "DID_NOT_HELP")
                .set("/treatments/physicalTherapy/weeks", 4), 2).status()).isEqualTo(MET);
        assertThat(criterion(threeMonths().set("/treatments/homeExercise/outcome", "COULD_NOT_TOLERATE")
                .set("/treatments/homeExercise/weeks", 6), 2).status()).isEqualTo(MET);
        assertThat(criterion(threeMonths().set("/treatments/analgesics/outcome", "DID_NOT_HELP"), 2).status()).isEqualTo(MET);
        assertThat(criterion(threeMonths().set("/treatments/muscleRelaxants/outcome", "COULD_NOT_TOLERATE"), 2).status())
                .isEqualTo(MET);
    }

    @Test
    void criterionTwoIsNotMetUnderThreeMonthsOrWithoutFailedCare() {
        assertThat(criterion(FormBuilder.blank().set(R + "/durationMonths", 2)
                .set("/treatments/analgesics/outcome", "DID_NOT_HELP"), 2).status()).isEqualTo(NOT_MET);
        FormBuilder noneFailed = threeMonths().set("/treatments/physicalTherapy/outcome", "DID_NOT_HELP")
                .set("/treatments/physicalTherapy/weeks", 3).set("/treatments/homeExercise/outcome", "NOT_TRIED")
                .set("/treatments/analgesics/outcome", "HELPED").set("/treatments/muscleRelaxants/outcome", "NOT_TRIED");
        assertThat(criterion(noneFailed, 2).status()).isEqualTo(NOT_MET);
    }

    @Test
    void criterionTwoIsUnknownWhenTreatmentOrDurationIsBlank() {
        assertThat(criterion(threeMonths(), 2).status()).isEqualTo(UNKNOWN);
        assertThat(criterion(threeMonths().set("/treatments/physicalTherapy/outcome", "DID_NOT_HELP"), 2).status())
                .as("weeks of therapy unknown").isEqualTo(UNKNOWN);
        assertThat(criterion(FormBuilder.blank().set("/treatments/analgesics/outcome", "DID_NOT_HELP"), 2).status())
                .isEqualTo(UNKNOWN);
    }

    @Test
    void criterionThreeFollowsDiagnosedRadiculopathyAndClaudication() {
        FormBuilder clear = FormBuilder.blank().set("/findings/radiculopathy", "NO").set("/findings/stenosisWithClaudication", "NO");
        assertThat(criterion(clear, 3).status()).isEqualTo(MET);
        assertThat(criterion(clear.set("/findings/radiculopathy", "YES"), 3).status()).isEqualTo(NOT_MET);
        assertThat(criterion(clear.set("/findings/radiculopathy", "NO").set("/findings/stenosisWithClaudication", "YES"), 3)
                .status()).isEqualTo(NOT_MET);
        assertThat(criterion(FormBuilder.blank().set("/findings/radiculopathy", "NO"), 3).status()).isEqualTo(UNKNOWN);
    }

    @Test
    void aRadicularPictureTheyDescribeIsNotMetUntilAClinicianSaysOtherwise() {
        FormBuilder f = FormBuilder.blank().set("/findings/radiculopathy", "NO").set("/findings/stenosisWithClaudication", "NO")
                .set(R + "/spread", "BELOW_KNEE").set(R + "/limbSymptoms/tingling", "YES");
        ReadinessCriterion c = criterion(f, 3);
        assertThat(c.status()).isEqualTo(NOT_MET);
        assertThat(c.evidence()).extracting(Evidence::question).contains(R + "/spread");
        assertThat(criterion(f.copy().set(R + "/limbSymptoms/tingling", "NO"), 3).status()).as("no limb symptoms").isEqualTo(MET);
        assertThat(criterion(f.copy().set(R + "/spread", "BUTTOCK"), 3).status()).as("not past the knee").isEqualTo(MET);
    }

    @Test
    void theClaudicationPatternInPlainWordsAsksToConfirmAndWithADiagnosedStenosisIsNotMet() {
        FormBuilder clear = FormBuilder.blank().set("/findings/radiculopathy", "NO").set("/findings/stenosisWithClaudication", "NO");
        ReadinessCriterion pattern = criterion(clear.copy().set("/pain/claudicationPattern", "YES"), 3);
        assertThat(pattern.status()).isEqualTo(UNKNOWN);
        assertThat(pattern.evidence()).extracting(Evidence::question).contains("/pain/claudicationPattern");
        assertThat(criterion(clear.copy().set("/pain/claudicationPattern", "NO"), 3).status()).isEqualTo(MET);
        assertThat(criterion(clear.copy().set("/pain/claudicationPattern", "YES")
                .set("/findings/stenosisWithClaudication", "YES"), 3).status()).isEqualTo(NOT_MET);
    }

    @Test
    void criterionFourFollowsKnownNonFacetCauses() {
        FormBuilder clear = FormBuilder.blank().set("/findings/fracture", "NO").set("/findings/tumour", "NO")
                .set("/findings/infection", "NO").set("/findings/significantDeformity", "NO");
        assertThat(criterion(clear, 4).status()).isEqualTo(MET);
        for (String f : new String[] {"fracture", "tumour", "infection", "significantDeformity"}) {
            assertThat(criterion(clear.set("/findings/" + f, "YES"), 4).status()).as(f).isEqualTo(NOT_MET);
            assertThat(criterion(clear.set("/findings/" + f, "UNSURE"), 4).status()).as(f).isEqualTo(UNKNOWN);
            clear.set("/findings/" + f, "NO");
        }
    }

    @Test
    void unknownCriteriaAreListedForTheCoordinator() {
        Assessment a = ENGINE.assess(FormBuilder.blank().safetyClear().form(), NOW);
        assertThat(a.toConfirm()).contains(ReadinessCheck.PAIN, ReadinessCheck.CONSERVATIVE,
                ReadinessCheck.NO_RADICULOPATHY, ReadinessCheck.NO_OTHER_CAUSE);
    }
}
