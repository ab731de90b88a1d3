package io.spineintake.triage.form;

/** Both consents are required by the form contract; an intake without them is refused. */
public record Consent(Boolean contact, Boolean dataProcessing) {
}
