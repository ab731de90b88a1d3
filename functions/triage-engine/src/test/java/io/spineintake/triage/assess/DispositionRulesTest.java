package io.spineintake.triage.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.triage.FormBuilder;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.rules.RuleSet;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ordered rules of spec section 6: the first that matches decides. */
class DispositionRulesTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final TriageEngine ENGINE = new TriageEngine(RuleSet.bundled());

    static Assessment assess(FormBuilder b) {
        return ENGINE.assess(b.form(), NOW);
    }

    @Test
    void radiculopathyOrANonFacetCauseGoesToAnotherPathwayEvenWithAHighScore() {
        Assessment radicular = assess(SafetyScreeningTest.consultCandidate().set("/findings/radiculopathy", "YES"));
        assertThat(radicular.tier()).isNotEqualTo(Tier.LOW);
        assertThat(radicular.disposition()).isEqualTo(Disposition.OTHER_PATHWAY);
        assertThat(radicular.dispositionRule()).isEqualTo(3);
        assertThat(radicular.patientMessage()).isEqualTo(PatientMessage.SPINE_CLINIC_WILL_CONTACT);
        Assessment tumour = assess(SafetyScreeningTest.consultCandidate().set("/findings/tumour", "YES"));
        assertThat(tumour.disposition()).isEqualTo(Disposition.OTHER_PATHWAY);
    }

    @Test
    void conservativeCareIsCheckedBeforeTheLowScoreRule() {
        String r = "/pain/regions/0";
        FormBuilder low = SafetyScreeningTest.consultCandidate().set(r + "/worseWith/bendingBackward", "NO")
                .set(r + "/worseWith/twisting", "NO").set(r + "/tenderBesideSpine", "NO");
        Assessment recentAndLow = assess(low.copy().set(r + "/durationMonths", 1));
        assertThat(recentAndLow.tier()).isEqualTo(Tier.LOW);
        assertThat(recentAndLow.disposition()).as("advised, not sent elsewhere").isEqualTo(Disposition.CONSERVATIVE_CARE_FIRST);
        assertThat(recentAndLow.dispositionRule()).isEqualTo(4);
        Assessment lowOnly = assess(low);
        assertThat(lowOnly.tier()).isEqualTo(Tier.LOW);
        assertThat(lowOnly.disposition()).isEqualTo(Disposition.OTHER_PATHWAY);
        assertThat(lowOnly.dispositionRule()).isEqualTo(5);
        assertThat(lowOnly.dispositionReason()).contains("LOW");
    }

    @Test
    void aRepeatRfaCandidateIsAConsultWhateverTheScoreButNotPastANonFacetCause() {
        String r = "/pain/regions/0";
        FormBuilder low = SafetyScreeningTest.consultCandidate().set(r + "/worseWith/bendingBackward", "NO")
                .set(r + "/worseWith/twisting", "NO").set(r + "/tenderBesideSpine", "NO")
                .set("/treatments/priorRadiofrequencyAblation/outcome", "HELPED")
                .set("/treatments/priorRadiofrequencyAblation/reliefPercent", 50)
                .set("/treatments/priorRadiofrequencyAblation/reliefMonths", 6)
                .set("/treatments/priorRadiofrequencyAblation/painReturned", "YES");
        Assessment a = assess(low.copy());
        assertThat(a.tier()).isEqualTo(Tier.LOW);
        assertThat(a.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(a.repeatRfaCandidate()).isTrue();
        assertThat(a.dispositionReason()).contains("repeat RFA");
        assertThat(assess(low.copy().set("/treatments/priorRadiofrequencyAblation/reliefPercent", 49)).repeatRfaCandidate()).isFalse();
        assertThat(assess(low.copy().set("/treatments/priorRadiofrequencyAblation/reliefMonths", 5.5)).repeatRfaCandidate()).isFalse();
        assertThat(assess(low.copy().set("/treatments/priorRadiofrequencyAblation/painReturned", "NO")).repeatRfaCandidate()).isFalse();
        Assessment unconfirmed = assess(low.copy().remove("/treatments/priorRadiofrequencyAblation/painReturned"));
        assertThat(unconfirmed.repeatRfaCandidate()).isTrue();
        assertThat(unconfirmed.toConfirm()).contains("/treatments/priorRadiofrequencyAblation/painReturned");
        assertThat(assess(low.copy().set("/findings/tumour", "YES")).disposition()).isEqualTo(Disposition.OTHER_PATHWAY);
    }

    @Test
    void mildOrRecentPainIsConservativeCareFirst() {
        Assessment recent = assess(SafetyScreeningTest.consultCandidate().set("/pain/regions/0/durationMonths", 2));
        assertThat(recent.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE_FIRST);
        assertThat(recent.dispositionRule()).isEqualTo(4);
        assertThat(recent.patientMessage()).isEqualTo(PatientMessage.CONSERVATIVE_CARE_ADVICE);
        Assessment mild = assess(SafetyScreeningTest.consultCandidate().set("/pain/nrs/average", 2)
                .set("/pain/peg/averagePain", 2).set("/pain/peg/enjoymentOfLife", 2).set("/pain/peg/generalActivity", 2));
        assertThat(mild.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE_FIRST);
    }

    @Test
    void everythingElseIsAConsultWithUnknownsToConfirm() {
        Assessment a = assess(SafetyScreeningTest.consultCandidate().remove("/pain/peg"));
        assertThat(a.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(a.dispositionRule()).isEqualTo(6);
        assertThat(a.toConfirm()).containsExactly(ReadinessCheck.PAIN);
        assertThat(a.priorityKey()).startsWith("2-");
    }

    @Test
    void procedureScreenAnswersAreNotedNotScored() {
        Assessment clear = assess(SafetyScreeningTest.consultCandidate().set("/procedure/bloodThinners", "NO")
                .set("/procedure/contrastOrAnaestheticAllergy", "NO").set("/procedure/pregnant", "NO")
                .set("/procedure/pacemakerOrStimulator", "NO").set("/procedure/diabetes", "NO"));
        assertThat(clear.procedureNotes()).isEmpty();
        Assessment thinners = assess(SafetyScreeningTest.consultCandidate().set("/procedure/bloodThinners", "YES")
                .set("/procedure/contrastOrAnaestheticAllergy", "NO").set("/procedure/pregnant", "NO")
                .set("/procedure/pacemakerOrStimulator", "NO"));
        assertThat(thinners.procedureNotes()).containsExactly("BLOOD_THINNERS", "DIABETES_UNANSWERED");
        assertThat(thinners.score()).isEqualTo(clear.score());
    }
}
