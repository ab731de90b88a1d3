package io.spineintake.submit;

/** The 201 answer to a submitted intake: its id, when it was received, and what happens next. */
public record Receipt(String intakeId, String receivedAt, NextSteps nextSteps) {
}
