package io.spineintake.triage.form;

/**
 * One painful region as the patient describes it. Each region is scored on its own answers,
 * so a patient with neck and low back pain can describe each.
 */
public record RegionPain(
        Region region,
        Side side,
        Integer durationMonths,
        Onset onset,
        PainPattern pattern,
        Spread spread,
        Answer occipitalHeadache,
        LimbSymptoms limbSymptoms,
        Movements worseWith,
        Easing easedBy,
        Answer morningStiffness,
        Answer tenderBesideSpine) {

    /** Nested groups left out of the JSON are blank, never null, so rules read them freely. */
    public RegionPain {
        limbSymptoms = limbSymptoms == null ? LimbSymptoms.BLANK : limbSymptoms;
        worseWith = worseWith == null ? Movements.BLANK : worseWith;
        easedBy = easedBy == null ? Easing.BLANK : easedBy;
    }
}
