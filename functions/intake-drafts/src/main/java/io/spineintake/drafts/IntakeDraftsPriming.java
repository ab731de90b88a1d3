package io.spineintake.drafts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.platform.Priming;
import java.util.Map;

/**
 * SnapStart priming of the drafts routes ({@link Priming}): POST /intake-drafts/resume with a
 * synthetic code and date of birth, offline: the draft is looked up, not found, and refused. Saving
 * is not primed: it draws a new resume code from a SecureRandom, which must not be seeded before
 * the snapshot. Nothing reaches the drafts table.
 */
final class IntakeDraftsPriming {
    private IntakeDraftsPriming() {
    }

    static APIGatewayV2HTTPResponse prime(IntakeDraftsHandler handler) {
        return Priming.offline(() -> handler.handleRequest(Priming.httpEvent(IntakeDraftsHandler.RESUME,
                Map.of("content-type", "application/json"), "{\"resumeCode\":\"2222-2222\",\"dateOfBirth\":\"1970-01-01\"}",
                null, null), Priming.context()));
    }
}
