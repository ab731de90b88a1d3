package io.spineintake.triage.assess;

/** A red flag raised by an answer: rule id, plain text, the question that raised it, and its source. */
public record RedFlag(String id, String text, String question, String source) {
}
