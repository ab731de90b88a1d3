package io.spineintake.triage.form;

/**
 * One patient's intake form, as the form contract ({@code intake-form.schema.json}) accepts it.
 * Groups left out are blank, never null; single answers left out stay {@code null}.
 * {@code notes} is free text, stored verbatim and never read by a rule.
 */
public record IntakeForm(
        Patient patient,
        Consent consent,
        Pain pain,
        Treatments treatments,
        Findings findings,
        SafetyScreen safety,
        ProcedureScreen procedure,
        String notes) {

    public IntakeForm {
        treatments = treatments == null ? Treatments.BLANK : treatments;
        findings = findings == null ? Findings.BLANK : findings;
        safety = safety == null ? SafetyScreen.BLANK : safety;
        procedure = procedure == null ? ProcedureScreen.BLANK : procedure;
    }
}
