package io.spineintake.triage.rules;

import io.spineintake.triage.assess.PatientAdvice;

/**
 * A red-flag question of the safety screen: raised by a YES to {@code question}. A hard stop names
 * the {@code advice} the patient is given at once; urgent flags have none.
 */
public record FlagRule(String id, String question, String text, String source, boolean cervicalOnly,
                       PatientAdvice advice) {
}
