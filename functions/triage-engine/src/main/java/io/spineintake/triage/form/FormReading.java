package io.spineintake.triage.form;

import java.util.List;

/** The outcome of reading a submitted form: the form when valid, otherwise the violations. */
public record FormReading(IntakeForm form, List<Violation> violations) {
    public FormReading {
        violations = List.copyOf(violations);
        if ((form == null) == violations.isEmpty()) {
            throw new IllegalArgumentException("either a form or violations");
        }
    }

    public static FormReading valid(IntakeForm form) {
        return new FormReading(form, List.of());
    }

    public static FormReading invalid(List<Violation> violations) {
        return new FormReading(null, violations);
    }

    public boolean isValid() {
        return form != null;
    }
}
