package io.spineintake.drafts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.RepoRoot;

/**
 * Requests to the drafts handler, built on the sample events of events/intake-drafts (so those
 * stay in the shape the handler reads), with the body replaced. Every personal value a test sends
 * is remembered for {@link PhiLogScanTest}.
 */
final class DraftRequests {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Codes, dates of birth and answers sent or received by any test of this JVM. */
    static final Set<String> SENT_VALUES = ConcurrentHashMap.newKeySet();

    private DraftRequests() {
    }

    record Answer(int status, Map<String, String> headers, JsonNode json, String body) {
        String type() {
            return json.path("type").asText();
        }

        String pointer() {
            return json.path("errors").path(0).path("pointer").asText(null);
        }
    }

    static Path eventsDir() {
        return RepoRoot.find().resolve("events/intake-drafts");
    }

    static APIGatewayV2HTTPEvent sampleEvent(String file) {
        return EventLoader.loadApiGatewayHttpEvent(eventsDir().resolve(file).toString());
    }

    static Answer save(IntakeDraftsHandler handler, String body) {
        return send(handler, "save-draft.json", body, "application/json");
    }

    static Answer resume(IntakeDraftsHandler handler, String body) {
        return send(handler, "resume-draft.json", body, "application/json");
    }

    static String saveBody(String form, String dateOfBirth) {
        remember(dateOfBirth);
        return "{\"form\":" + form + ",\"dateOfBirth\":\"" + dateOfBirth + "\"}";
    }

    static String resumeBody(String code, String dateOfBirth) {
        remember(code);
        remember(dateOfBirth);
        return "{\"resumeCode\":\"" + code + "\",\"dateOfBirth\":\"" + dateOfBirth + "\"}";
    }

    static void remember(String value) {
        if (value != null && value.length() >= 4) {
            SENT_VALUES.add(value);
        }
    }

    static Answer send(IntakeDraftsHandler handler, String sample, String body, String contentType) {
        APIGatewayV2HTTPEvent event = sampleEvent(sample);
        Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
        headers.put("content-type", contentType);
        headers.put("content-length", Integer.toString(body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length));
        event.setHeaders(headers);
        event.setBody(body);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaContext.invocation("IntakeDraftsFunction", 10));
        JsonNode json;
        try {
            json = JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json.has("resumeCode")) {
            remember(json.get("resumeCode").asText());
            remember(json.get("resumeCode").asText().replace("-", ""));
        }
        return new Answer(response.getStatusCode(), response.getHeaders(), json, response.getBody());
    }
}
