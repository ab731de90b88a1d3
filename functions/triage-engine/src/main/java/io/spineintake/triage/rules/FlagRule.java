package io.spineintake.triage.rules;

/** A red-flag question of the safety screen: raised by a YES to {@code question}. */
public record FlagRule(String id, String question, String text, String source, boolean cervicalOnly) {
}
