package io.spineintake.triage;

import io.spineintake.triage.assess.Assessment;
import io.spineintake.triage.form.IntakeForm;
import java.time.Instant;

/** Turns a valid intake form into an assessment. Pure: the same inputs give the same result. */
public final class TriageEngine {
    /** @param receivedAt when the form arrived: sets the patient's age and the queue's "older first" */
    public Assessment assess(IntakeForm form, Instant receivedAt) {
        throw new UnsupportedOperationException("TODO");
    }
}
