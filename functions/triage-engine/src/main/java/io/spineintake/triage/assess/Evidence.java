package io.spineintake.triage.assess;

/** An answer that decided something: the question's JSON pointer in the form, and the answer. */
public record Evidence(String question, String answer) {
}
