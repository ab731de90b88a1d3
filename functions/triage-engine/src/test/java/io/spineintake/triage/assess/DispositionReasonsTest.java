package io.spineintake.triage.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.triage.FormBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec section 6 (docs/triage.md section 5): where each disposition sorts, and the
 * reason each rule gives, naming every flag or question that decided it, so the coordinator sees why.
 */
class DispositionReasonsTest {

    static Assessment assess(FormBuilder b) {
        return SafetyScreeningTest.assess(b);
    }

    static FormBuilder candidate() {
        return SafetyScreeningTest.consultCandidate();
    }

    @ParameterizedTest
    @CsvSource({"EMERGENCY,0", "URGENT_REVIEW,1", "CONSULT,2", "OTHER_PATHWAY,8", "CONSERVATIVE_CARE_FIRST,9"})
    void everyDispositionHasItsPlaceInTheQueueOrder(Disposition d, int rank) {
        assertThat(d.band()).isEqualTo(rank);
    }

    @Test
    void everyHardStopRaisedIsNamedInTheReason() {
        Assessment a = assess(candidate().set("/safety/saddleNumbness", "YES").set("/safety/bladderOrBowelChange", "YES"));
        assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
        assertThat(a.dispositionReason()).isEqualTo("Hard-stop red flag: H_SADDLE_NUMBNESS, H_BLADDER_BOWEL");
    }

    @Test
    void everyUrgentFlagRaisedIsNamedInTheReason() {
        Assessment a = assess(candidate().set("/safety/historyOfCancer", "YES").set("/safety/unexplainedWeightLoss", "YES"));
        assertThat(a.disposition()).isEqualTo(Disposition.URGENT_REVIEW);
        assertThat(a.dispositionReason()).isEqualTo("Urgent red flag: U_CANCER, U_WEIGHT_LOSS");
    }

    @Test
    void unansweredHardStopsAreNamedForTheCoordinatorToAsk() {
        Assessment a = assess(candidate().set("/safety/saddleNumbness", "UNSURE").set("/safety/bladderOrBowelChange", null));
        assertThat(a.disposition()).isEqualTo(Disposition.URGENT_REVIEW);
        assertThat(a.dispositionRule()).isEqualTo(2);
        assertThat(a.dispositionReason()).isEqualTo(
                "Hard-stop safety questions not answered: ask the patient /safety/saddleNumbness, /safety/bladderOrBowelChange");
    }

    @Test
    void laterRulesGiveTheExplanationOfTheCriterionThatDecided() {
        assertThat(assess(candidate().set("/findings/stenosisWithClaudication", "YES")).dispositionReason())
                .isEqualTo("Diagnosed radiculopathy or spinal stenosis with neurogenic claudication");
        assertThat(assess(candidate().set("/findings/infection", "YES")).dispositionReason())
                .isEqualTo("A known fracture, tumour, infection or significant deformity");
        assertThat(assess(candidate().set("/pain/regions/0/durationMonths", 2)).dispositionReason())
                .isEqualTo("Pain for less than 3 months");
        assertThat(assess(candidate().set("/pain/regions/0/pattern", "MOSTLY_LIMB").set("/pain/regions/0/spread", null)
                .set("/pain/regions/0/morningStiffness", "YES").set("/pain/regions/0/easedBy/lyingDown", "YES")))
                .satisfies(a -> {
                    assertThat(a.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE_FIRST);
                    assertThat(a.dispositionReason()).isEqualTo("Pain is mainly in the arm or leg, not the spine");
                });
        Assessment consult = assess(candidate());
        assertThat(consult.tier()).isEqualTo(Tier.HIGH);
        assertThat(consult.dispositionReason()).isEqualTo("Facet likelihood tier HIGH, no rule above matched");
    }

    @Test
    void everyProcedureScreenAnswerOfYesIsNotedInTheScreensOrder() {
        Assessment a = assess(candidate().set("/procedure/bloodThinners", "YES")
                .set("/procedure/contrastOrAnaestheticAllergy", "YES").set("/procedure/pregnant", "YES")
                .set("/procedure/pacemakerOrStimulator", "YES").set("/procedure/diabetes", "YES"));
        assertThat(a.procedureNotes()).containsExactly("BLOOD_THINNERS", "CONTRAST_OR_ANAESTHETIC_ALLERGY", "PREGNANT",
                "PACEMAKER_OR_STIMULATOR", "DIABETES");
        assertThat(a.score()).isEqualTo(assess(candidate()).score());
    }

    @Test
    void procedureScreenQuestionsLeftOpenAreNotedAsUnanswered() {
        Assessment a = assess(candidate().set("/procedure/bloodThinners", "NO")
                .set("/procedure/contrastOrAnaestheticAllergy", "UNSURE").set("/procedure/diabetes", "NO"));
        assertThat(a.procedureNotes()).containsExactly("CONTRAST_OR_ANAESTHETIC_ALLERGY_UNANSWERED",
                "PREGNANT_UNANSWERED", "PACEMAKER_OR_STIMULATOR_UNANSWERED");
    }
}
