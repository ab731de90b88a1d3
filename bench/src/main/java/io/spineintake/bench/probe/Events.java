package io.spineintake.bench.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.spineintake.consult.ConsultQueuePriming;
import io.spineintake.platform.Priming;
import java.util.Map;

/**
 * The event each function gets for the measured request, built in code (no JSON mapper: reading a
 * sample file with Jackson would load the function's Jackson before the clock starts). The body
 * and the ids come from the parent.
 */
final class Events {
    private Events() {
    }

    /** The handler's class, as template.yaml names it. */
    static String handlerClass(String function) {
        return switch (function) {
            case "submit-intake" -> "io.spineintake.submit.SubmitIntakeHandler";
            case "consult-queue" -> "io.spineintake.consult.ConsultQueueHandler";
            case "route-reconciler" -> "io.spineintake.reconcile.RouteReconcilerHandler";
            case "triage-api" -> "io.spineintake.triageapi.TriageApiHandler";
            case "intake-drafts" -> "io.spineintake.drafts.IntakeDraftsHandler";
            case "referral-sweep" -> "io.spineintake.sweep.ReferralSweepHandler";
            case "block-diary" -> "io.spineintake.diary.BlockDiaryHandler";
            case "prior-auth-pdf" -> "io.spineintake.priorauthpdf.PriorAuthPdfHandler";
            default -> throw new IllegalArgumentException("unknown function " + function);
        };
    }

    /** What a successful answer looks like in the response's text (checked, so a failing run is never timed as a fast one). */
    static String expected(String function) {
        return switch (function) {
            case "submit-intake" -> "statusCode=201";
            case "consult-queue" -> "batchItemFailures=[]";
            case "route-reconciler" -> "examined=0";
            case "triage-api" -> "statusCode=200";
            case "intake-drafts" -> "statusCode=201";
            case "referral-sweep" -> "SweepReport[open=0";
            case "block-diary" -> "statusCode=401";
            default -> throw new IllegalArgumentException(function);
        };
    }

    static Object event(String function, String id, String body) {
        return switch (function) {
            case "submit-intake" -> http("POST /intakes", body, Map.of("content-type", "application/json",
                    "idempotency-key", id), null, null);
            case "intake-drafts" -> http("POST /intake-drafts", body, Map.of("content-type", "application/json"), null,
                    null);
            case "triage-api" -> http("GET /referrals", null, Map.of("accept", "application/json"),
                    Map.of("limit", "25"), Map.of("sub", "7b3e2f10-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
                            "cognito:username", "coordinator.probe", "cognito:groups", "[coordinators]",
                            "token_use", "access"));
            case "consult-queue" -> ConsultQueuePriming.event(id, id);
            case "route-reconciler" -> Map.of("id", id, "source", "aws.events", "detail-type", "Scheduled Event",
                    "detail", Map.of());
            case "referral-sweep" -> Map.of("id", id, "source", "aws.events", "detail-type", "Scheduled Event",
                    "detail", Map.of());
            // a well-formed diary capability that names no link (the smoke run only: no naive side)
            case "block-diary" -> http("GET /diary", null, Map.of("authorization", "Diary " + "A".repeat(43)), null,
                    null);
            default -> throw new IllegalArgumentException("unknown function " + function);
        };
    }

    /** An HTTP API event as SnapStart priming builds one (the function's own code: only the handler side uses it). */
    private static APIGatewayV2HTTPEvent http(String routeKey, String body, Map<String, String> headers,
                                              Map<String, String> query, Map<String, String> claims) {
        return Priming.httpEvent(routeKey, headers, body, query, claims);
    }
}
