package io.spineintake.triageapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.platform.Priming;
import java.util.Map;

/**
 * SnapStart priming of the coordinators' API ({@link Priming}): GET /referrals for a synthetic
 * coordinator, offline: every worklist segment is queried and found empty, the page answered 200.
 * Nothing reaches the referrals table. The FHIR Questionnaire is built too (from the jar's copy of
 * the questionnaire definition: no I/O beyond the class path).
 */
final class TriageApiPriming {
    private TriageApiPriming() {
    }

    static APIGatewayV2HTTPResponse prime(TriageApiHandler handler) {
        io.spineintake.triageapi.fhir.IntakeQuestionnaire.json();
        return Priming.offline(() -> handler.handleRequest(Priming.httpEvent(TriageApiHandler.LIST,
                Map.of("accept", "application/json"), null, Map.of("limit", "25"),
                Map.of("sub", "00000000-0000-4000-8000-000000000000", "cognito:username", Priming.REQUEST_ID,
                        "cognito:groups", "[" + Coordinator.GROUP + "]", "token_use", "access")),
                Priming.context()));
    }
}
