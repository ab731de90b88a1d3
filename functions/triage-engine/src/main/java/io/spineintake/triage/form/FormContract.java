package io.spineintake.triage.form;

/**
 * The intake form contract: reads a submitted JSON document, validates it against
 * {@code intake-form.schema.json} (draft 2020-12) plus the checks a schema cannot express
 * (no future birth date, spread valid for its region, main region among the regions), and maps
 * it to an {@link IntakeForm}. Built once; thread-safe.
 */
public final class FormContract {
    public static FormContract load() {
        throw new UnsupportedOperationException("TODO");
    }

    public FormReading read(byte[] json) {
        throw new UnsupportedOperationException("TODO");
    }
}
