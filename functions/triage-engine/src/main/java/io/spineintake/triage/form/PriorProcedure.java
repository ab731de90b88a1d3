package io.spineintake.triage.form;

/**
 * A prior medial branch block or radiofrequency ablation: how much relief (percent), for how
 * long, how many months ago, with which anaesthetic (blocks only). A block's relief is told in
 * hours, an ablation's in months ({@code reliefMonths}), as patients remember them;
 * {@code painReturned} says whether the pain came back.
 */
public record PriorProcedure(
        TreatmentOutcome outcome,
        Integer reliefPercent,
        Double reliefHours,
        Integer monthsAgo,
        Anaesthetic anaesthetic,
        Double reliefMonths,
        Answer painReturned) {
}
