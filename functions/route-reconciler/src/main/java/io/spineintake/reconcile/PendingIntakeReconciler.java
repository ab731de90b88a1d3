package io.spineintake.reconcile;

import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.intakes.RoutingState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds intakes left PENDING longer than the minimum age (their send failed, or the function died
 * between send and update) and routes them. Reads the sparse pending index shard by shard, so no
 * single partition holds every pending intake; re-reads each intake consistently before routing,
 * since the index lags. Idempotent: routing is send-then-conditional-update, and duplicates are
 * dropped by the queue or by the consumer.
 */
public final class PendingIntakeReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(PendingIntakeReconciler.class);

    /** Per shard and run: bounds one run's work; what is left waits for the next run. */
    static final int PER_SHARD = 250;

    private final IntakeRepository intakes;
    private final IntakeRouter router;
    private final Duration minAge;
    private final Clock clock;

    public PendingIntakeReconciler(IntakeRepository intakes, IntakeRouter router, Duration minAge, Clock clock) {
        this.intakes = intakes;
        this.router = router;
        this.minAge = minAge;
        this.clock = clock;
    }

    /** @param timeLeft false when the run must stop (the function is near its timeout) */
    public ReconcileReport reconcile(BooleanSupplier timeLeft) {
        Instant cutoff = clock.instant().minus(minAge);
        int examined = 0;
        int routed = 0;
        try {
            for (int shard = 0; shard < IntakeRecord.PENDING_SHARDS && timeLeft.getAsBoolean(); shard++) {
                List<String> ids = intakes.pendingIds(String.format("P%02d", shard), cutoff, PER_SHARD);
                for (String id : ids) {
                    if (!timeLeft.getAsBoolean()) {
                        return new ReconcileReport(examined, routed, true);
                    }
                    examined++;
                    Optional<IntakeRecord> intake = intakes.get(id);
                    if (intake.isPresent() && intake.get().routingState() == RoutingState.PENDING
                            && router.route(intake.get())) {
                        routed++;
                    }
                }
            }
        } catch (BackendUnavailableException e) {
            LOG.warn("reconciler stopped: {} after {} routed", e.getMessage(), routed);
            return new ReconcileReport(examined, routed, true);
        }
        return new ReconcileReport(examined, routed, false);
    }
}
