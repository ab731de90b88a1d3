package io.spineintake.triage.form;

/**
 * A prior medial branch block or radiofrequency ablation: how much relief (percent), for how
 * long, how many months ago, with which anaesthetic (blocks only).
 */
public record PriorProcedure(
        TreatmentOutcome outcome,
        Integer reliefPercent,
        Double reliefHours,
        Integer monthsAgo,
        Anaesthetic anaesthetic) {
}
