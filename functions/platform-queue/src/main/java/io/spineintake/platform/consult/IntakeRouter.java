package io.spineintake.platform.consult;

import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.intakes.RoutingState;

/**
 * Routes a PENDING intake: send its summary to the consult queue, then PENDING -> ROUTED by one
 * conditional update. Send first: a crash in between leaves it PENDING and the reconciler sends
 * again, which the queue's deduplication or the consumer's conditional write absorbs. Used by
 * SubmitIntake right after storing and by the reconciler later; both are safe to repeat.
 */
public final class IntakeRouter {
    private final IntakeRepository intakes;
    private final ConsultQueuePublisher queue;

    public IntakeRouter(IntakeRepository intakes, ConsultQueuePublisher queue) {
        this.intakes = intakes;
        this.queue = queue;
    }

    /**
     * @return true when this call moved the intake to ROUTED; false when it was not PENDING
     * @throws io.spineintake.platform.BackendUnavailableException when the queue or table cannot be
     *         reached; the intake then stays PENDING
     */
    public boolean route(IntakeRecord intake) {
        if (intake.routingState() != RoutingState.PENDING) {
            return false;
        }
        queue.send(ReferralSummary.of(intake));
        return intakes.markRouted(intake.intakeId());
    }
}
