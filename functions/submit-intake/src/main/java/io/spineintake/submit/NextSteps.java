package io.spineintake.submit;

import io.spineintake.triage.assess.PatientAdvice;
import io.spineintake.triage.assess.PatientMessage;
import java.time.LocalDate;
import java.util.List;

/**
 * What the patient reads after submitting, in their language: a stable code (the web form shows its
 * own words for it, from the same messages file), the message, when the clinic will be in touch
 * ({@code contactBy}: the date the referral is due; none for an emergency), the emergency number,
 * and the advice for the flags raised and the regions that hurt. Never the score, tier or disposition.
 */
public record NextSteps(PatientMessage code, String language, String message, String when, LocalDate contactBy,
                        String emergencyNumber, List<Advice> advice) {
    public NextSteps {
        advice = List.copyOf(advice);
    }

    public record Advice(PatientAdvice code, String text) {
    }
}
