package io.spineintake.triage.form;

/** A treatment tried so far; {@code weeks} is asked for exercise-based care. */
public record Treatment(TreatmentOutcome outcome, Integer weeks) {
}
