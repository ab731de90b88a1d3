package io.spineintake.submit;

import io.spineintake.triage.TestForms;

import io.spineintake.local.backends.LambdaContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the HTTP API (payload format 2.0) event API Gateway sends for POST /intakes, and sends it
 * to a handler. Defaults: content-type application/json, plain (not base64) body, no Idempotency-Key.
 *
 * <pre>{@code
 * Answer a = Post.form(Fixtures.typical()).key("k-1").to(handler);
 * }</pre>
 */
final class Post {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String body;
    private final boolean base64;
    /** Header names as API Gateway gives them for HTTP APIs: lower case. */
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Post(String body, boolean base64) {
        this.body = body;
        this.base64 = base64;
        headers.put("content-type", "application/json");
        headers.put("user-agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        headers.put("x-forwarded-for", "203.0.113.24");
    }

    /** The form as compact JSON text, as a browser's JSON.stringify sends it. */
    static Post form(JsonNode form) {
        return new Post(TestForms.text(form), false);
    }

    /** Any text as the body, sent as is. */
    static Post text(String body) {
        return new Post(body, false);
    }

    /** Any bytes, base64-encoded with isBase64Encoded true (API Gateway does this for binary media types). */
    static Post base64(byte[] body) {
        return new Post(Base64.getEncoder().encodeToString(body), true);
    }

    /** A body that is already base64 text (or claims to be), isBase64Encoded true. */
    static Post base64Text(String body) {
        return new Post(body, true);
    }

    /** No body at all: API Gateway leaves "body" out of the event. */
    static Post noBody() {
        return new Post(null, false);
    }

    Post key(String idempotencyKey) {
        return header("idempotency-key", idempotencyKey);
    }

    Post contentType(String contentType) {
        return header("content-type", contentType);
    }

    Post header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Post without(String name) {
        headers.remove(name);
        return this;
    }

    APIGatewayV2HTTPEvent event() {
        Instant now = Instant.now();
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (body != null) {
            h.putIfAbsent("content-length", Integer.toString(contentLength()));
        }
        h.putIfAbsent("host", "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /intakes")
                .withRawPath("/intakes")
                .withRawQueryString("")
                .withHeaders(h)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("123456789012")
                        .withApiId("a1b2c3d4e5")
                        .withDomainName("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com")
                        .withDomainPrefix("a1b2c3d4e5")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("POST")
                                .withPath("/intakes")
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("203.0.113.24")
                                .withUserAgent(headers.get("user-agent"))
                                .build())
                        .withRequestId(apiRequestId())
                        .withRouteKey("POST /intakes")
                        .withStage("$default")
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .build())
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build();
    }

    /** The body's length in bytes as the client sent it (for a body that is not base64 after all: its length). */
    private int contentLength() {
        if (!base64) {
            return body.getBytes(StandardCharsets.UTF_8).length;
        }
        try {
            return Base64.getDecoder().decode(body).length;
        } catch (IllegalArgumentException notBase64) {
            return body.length();
        }
    }

    /** Sends the event to the handler, with a fresh Lambda context. */
    Answer to(SubmitIntakeHandler handler) {
        return send(handler, event());
    }

    /** An id shaped like API Gateway's (base64 of 10 random bytes). */
    private static String apiRequestId() {
        byte[] b = new byte[10];
        ThreadLocalRandom.current().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** Sends any event (e.g. one read with EventLoader). */
    static Answer send(SubmitIntakeHandler handler, APIGatewayV2HTTPEvent event) {
        LambdaContext context = LambdaContext.invocation(Intakes.FUNCTION_NAME, 29);
        return Answer.of(handler.handleRequest(event, context), context.awsRequestId());
    }
}
