package io.spineintake.triage.assess;

/** A red flag raised by an answer: rule id, plain text, and the question that raised it. */
public record RedFlag(String id, String text, String question) {
}
