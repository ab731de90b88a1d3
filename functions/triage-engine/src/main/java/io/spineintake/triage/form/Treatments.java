package io.spineintake.triage.form;

/** Treatment so far. Every entry may be blank ({@code null}): not asked is not "not tried". */
public record Treatments(
        Treatment physicalTherapy,
        Treatment homeExercise,
        Treatment analgesics,
        Treatment muscleRelaxants,
        Treatment manualTherapy,
        Treatment acupuncture,
        Treatment massage,
        Treatment spinalInjections,
        PriorProcedure priorMedialBranchBlock,
        PriorProcedure priorRadiofrequencyAblation,
        Treatment spineSurgery) {
    public static final Treatments BLANK =
            new Treatments(null, null, null, null, null, null, null, null, null, null, null);
}
