package io.spineintake.triage.form;

/**
 * One reason a form was refused: an RFC 6901 JSON pointer to the field ("" for the whole
 * document) and a plain message. Messages name the rule broken, never the value sent, so they
 * can go into a problem+json answer or a log without carrying patient data.
 */
public record Violation(String pointer, String message) {
}
