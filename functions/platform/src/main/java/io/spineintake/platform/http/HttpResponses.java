package io.spineintake.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.spineintake.platform.Json;

/**
 * HTTP API (payload 2.0) responses. Every response carries Cache-Control: no-store (answers hold
 * patient data) and X-Content-Type-Options: nosniff; extra headers are added after, and win.
 */
public final class HttpResponses {

    public static final String APPLICATION_JSON = "application/json";
    public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";

    private HttpResponses() {
    }

    /** {@code body} serialised with {@link Json#api()} (absent values written as null) as application/json. */
    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> headers) {
        return jsonText(status, serialise(body), headers);
    }

    /** An already serialised JSON body (e.g. a stored answer replayed) as application/json. */
    public static APIGatewayV2HTTPResponse jsonText(int status, String json, Map<String, String> headers) {
        return response(status, APPLICATION_JSON, json, headers);
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return problem(problem, Map.of());
    }

    /** The problem as application/problem+json, with its status as the HTTP status. */
    public static APIGatewayV2HTTPResponse problem(Problem problem, Map<String, String> headers) {
        return response(problem.status(), APPLICATION_PROBLEM_JSON, serialise(problem), headers);
    }

    /** 204 No Content: the change was made (or there was nothing to change); no body. */
    public static APIGatewayV2HTTPResponse noContent() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(headers).withIsBase64Encoded(false).build();
    }

    /** Seconds a client should wait after a 503 before it tries again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /** 503: a backend could not be reached and nothing was changed; the client may retry. */
    public static APIGatewayV2HTTPResponse unavailable(Problem problem) {
        return problem(problem, Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String body,
                                                     Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        if (extraHeaders != null) {
            headers.putAll(extraHeaders);
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private static String serialise(Object body) {
        try {
            return Json.api().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // only a programming error (an unserialisable type); the message names no value
            throw new IllegalStateException("Response body not serialisable: " + body.getClass().getName(), e);
        }
    }
}
