package io.spineintake.reconcile;

import io.spineintake.platform.Priming;
import java.util.Map;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming of the reconciler ({@link Priming}): one scheduled run, offline, whose query of
 * each pending-index shard finds nothing: nothing is read from or written to a real table.
 */
final class RouteReconcilerPriming implements Resource {
    private final RouteReconcilerHandler handler;

    RouteReconcilerPriming(RouteReconcilerHandler handler) {
        this.handler = handler;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew
    }

    ReconcileReport prime() {
        return Priming.offline(() -> handler.handleRequest(Map.of("source", "aws.events",
                "detail-type", "Scheduled Event", "id", Priming.REQUEST_ID), Priming.context()));
    }
}
