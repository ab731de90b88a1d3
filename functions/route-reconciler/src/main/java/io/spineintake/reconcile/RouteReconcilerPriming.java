package io.spineintake.reconcile;

import io.spineintake.platform.Priming;
import java.util.Map;

/**
 * SnapStart priming of the reconciler ({@link Priming}): one scheduled run, offline, whose query of
 * each pending-index shard finds nothing: nothing is read from or written to a real table.
 */
final class RouteReconcilerPriming {
    private RouteReconcilerPriming() {
    }

    static ReconcileReport prime(RouteReconcilerHandler handler) {
        return Priming.offline(() -> handler.handleRequest(Map.of("source", "aws.events",
                "detail-type", "Scheduled Event", "id", Priming.REQUEST_ID), Priming.context()));
    }
}
