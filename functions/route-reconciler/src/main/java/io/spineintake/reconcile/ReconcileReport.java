package io.spineintake.reconcile;

/**
 * What one reconciler run did: intakes found pending past the minimum age, routed by this run,
 * and whether it stopped early because the queue or table was unavailable (the rest stay
 * PENDING for the next run).
 */
public record ReconcileReport(int examined, int routed, boolean stoppedEarly) {
}
