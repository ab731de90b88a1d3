package io.spineintake.submit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.platform.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * SnapStart priming of POST /intakes ({@link Priming}): the synthetic priming form (no patient's
 * data), with a fixed Idempotency-Key (so its intake id is derived, never drawn at random), goes
 * through the whole request path offline: read, validated, assessed, written as the item's JSON,
 * put, sent to the consult queue, marked routed, answered 201. Nothing reaches a table or a queue.
 */
final class SubmitIntakePriming {
    static final String FORM = "/io/spineintake/submit/priming-form.json";
    static final String IDEMPOTENCY_KEY = "snapstart-priming";

    private SubmitIntakePriming() {
    }

    /** One offline request; the handler's answer (null if priming failed). */
    static APIGatewayV2HTTPResponse prime(SubmitIntakeHandler handler) {
        String form = form();
        return Priming.offline(() -> handler.handleRequest(Priming.httpEvent("POST /intakes",
                Map.of("content-type", "application/json", "idempotency-key", IDEMPOTENCY_KEY), form, null, null),
                Priming.context()));
    }

    static String form() {
        try (InputStream in = SubmitIntakePriming.class.getResourceAsStream(FORM)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
