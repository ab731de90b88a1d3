package io.spineintake.sweep;

import io.spineintake.platform.Priming;
import java.util.Map;

/**
 * SnapStart priming of the sweep ({@link Priming}): one scheduled run, offline, whose query of each
 * band's worklist finds nothing: nothing is read from or written to a real table, nothing is
 * published, and no metric is written (a priming run is not a clinic's number).
 */
final class ReferralSweepPriming {
    private ReferralSweepPriming() {
    }

    static SweepReport prime(ReferralSweepHandler handler) {
        return Priming.offline(() -> handler.handleRequest(Map.of("source", "aws.events",
                "detail-type", "Scheduled Event", "id", Priming.REQUEST_ID), Priming.context()));
    }
}
