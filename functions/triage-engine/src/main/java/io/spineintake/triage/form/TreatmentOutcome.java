package io.spineintake.triage.form;

/** What came of a treatment the patient tried. Blank ({@code null}) is not NOT_TRIED. */
public enum TreatmentOutcome {
    NOT_TRIED, HELPED, DID_NOT_HELP, COULD_NOT_TOLERATE;

    /** Tried without enough relief: the treatment counts as failed conservative care. */
    public boolean failed() {
        return this == DID_NOT_HELP || this == COULD_NOT_TOLERATE;
    }
}
