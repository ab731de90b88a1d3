package io.spineintake.triageapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.platform.Priming;
import java.util.Map;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming of the coordinators' API ({@link Priming}): GET /referrals for a synthetic
 * coordinator, offline: every worklist segment is queried and found empty, the page answered 200.
 * Nothing reaches the referrals table.
 */
final class TriageApiPriming implements Resource {
    private final TriageApiHandler handler;

    TriageApiPriming(TriageApiHandler handler) {
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

    APIGatewayV2HTTPResponse prime() {
        return Priming.offline(() -> handler.handleRequest(Priming.httpEvent(TriageApiHandler.LIST,
                Map.of("accept", "application/json"), null, Map.of("limit", "25"),
                Map.of("sub", "00000000-0000-4000-8000-000000000000", "cognito:username", Priming.REQUEST_ID,
                        "cognito:groups", "[" + Coordinator.GROUP + "]", "token_use", "access")),
                Priming.context()));
    }
}
