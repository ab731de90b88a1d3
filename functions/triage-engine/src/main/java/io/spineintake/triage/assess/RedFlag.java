package io.spineintake.triage.assess;

/**
 * A red flag raised by an answer: rule id, plain text, the question that raised it, its source,
 * and for a hard stop the advice the patient is given at once (null otherwise).
 */
public record RedFlag(String id, String text, String question, String source, PatientAdvice advice) {
}
