package io.spineintake.triage.form;

/** Questions that matter before a block is done; shown to the coordinator, never scored. */
public record ProcedureScreen(
        Answer bloodThinners,
        Answer contrastOrAnaestheticAllergy,
        Answer pregnant,
        Answer pacemakerOrStimulator,
        Answer diabetes) {
    public static final ProcedureScreen BLANK = new ProcedureScreen(null, null, null, null, null);
}
