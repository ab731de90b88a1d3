package io.spineintake.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.triage.TestForms;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.assess.Assessment;
import io.spineintake.triage.assess.PatientAdvice;
import io.spineintake.triage.assess.PatientMessage;
import io.spineintake.triage.rules.RuleSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What a patient reads: the flag's and the region's advice, the clinic's number and date, in their language. */
class PatientMessagesTest {
    static final TriageEngine ENGINE = new TriageEngine(RuleSet.bundled());
    static final Instant RECEIVED = Instant.parse("2026-11-27T15:00:00Z");

    static Assessment assess(ObjectNode form) {
        return ENGINE.assess(Fixtures.CONTRACT.read(TestForms.bytes(form)).form(), RECEIVED);
    }

    @Test
    void aNeckEmergencyIsToldToCallTheClinicsNumberAndNotToDriveWithNeckAdviceNotLowBackAdvice() {
        // V17: sudden severe neck pain with neurological symptoms
        NextSteps next = PatientMessages.load("112", ZoneId.of("Europe/Madrid"))
                .nextSteps(assess(Fixtures.vignette("V17")), "en", RECEIVED.plusSeconds(3600));

        assertThat(next.code()).isEqualTo(PatientMessage.SEEK_EMERGENCY_CARE_NOW);
        assertThat(next.contactBy()).as("care is needed now, not on a date").isNull();
        assertThat(next.emergencyNumber()).isEqualTo("112");
        assertThat(next.message()).contains("call 112 now").doesNotContain("911");
        assertThat(next.advice()).extracting(NextSteps.Advice::code)
                .containsExactly(PatientAdvice.EMERGENCY_STROKE, PatientAdvice.SAFETY_NECK);
        assertThat(next.advice().get(0).text()).contains("Call 112 now", "Do not drive");
        assertThat(next.advice()).extracting(NextSteps.Advice::text).noneMatch(t -> t.contains("bottom"));
    }

    @Test
    void aSpanishFormIsAnsweredInSpanishWithTheDueDateWrittenOutInTheClinicsTimeZone() {
        ObjectNode form = Fixtures.typical();
        ((ObjectNode) form.path("patient")).put("language", "es-MX");
        Assessment assessment = assess(form);
        // 03:30 UTC on 1 March is still 28 February in New York
        Instant due = Instant.parse("2027-03-01T03:30:00Z");

        NextSteps es = PatientMessages.load("911", ZoneId.of("America/New_York")).nextSteps(assessment, "es-MX", due);
        NextSteps en = PatientMessages.load("911", ZoneId.of("America/New_York")).nextSteps(assessment, "en", due);

        assertThat(es.language()).isEqualTo("es");
        assertThat(es.contactBy()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(es.when()).contains("28 de febrero de 2027");
        assertThat(es.message()).startsWith("Gracias.");
        assertThat(en.when()).contains("February 28, 2027");
        assertThat(es.advice()).extracting(NextSteps.Advice::code).containsExactly(PatientAdvice.SAFETY_LOW_BACK);
        assertThat(es.advice().get(0).text()).startsWith("Si ").contains("911");
        assertThat(PatientMessages.load("911", ZoneId.of("UTC")).nextSteps(assessment, null, due).language())
                .as("no language: English").isEqualTo("en");
    }

    @Test
    void everyRegionThatHurtsGetsItsOwnWarningSigns() {
        // V12: low back and neck
        NextSteps next = PatientMessages.load("911", ZoneId.of("UTC")).nextSteps(assess(Fixtures.vignette("V12")), "en",
                RECEIVED.plusSeconds(86_400));
        assertThat(next.advice()).extracting(NextSteps.Advice::code)
                .containsExactly(PatientAdvice.SAFETY_LOW_BACK, PatientAdvice.SAFETY_NECK);
    }
}
