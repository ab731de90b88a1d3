package io.spineintake.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The handler's response, with case-insensitive header lookup and the body as JSON, and the Lambda
 * request id of the invocation that gave it (its log lines carry it as function_request_id).
 */
record Answer(int status, Map<String, String> headers, String body, boolean base64, String lambdaRequestId) {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    static Answer of(APIGatewayV2HTTPResponse response, String lambdaRequestId) {
        return new Answer(response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(),
                response.getBody(), response.getIsBase64Encoded(), lambdaRequestId);
    }

    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    String contentType() {
        return header("Content-Type").orElse(null);
    }

    JsonNode json() {
        try {
            return PLAIN.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("response body is not JSON: " + body, e);
        }
    }

    /** errors[].pointer of a problem answer (empty when it has no errors). */
    List<String> pointers() {
        List<String> pointers = new ArrayList<>();
        json().path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
        return pointers;
    }

    /** errors[] of a problem answer as "pointer: detail". */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        json().path("errors").forEach(e -> errors.add(e.path("pointer").asText() + ": " + e.path("detail").asText()));
        return errors;
    }

    String problemType() {
        return json().path("type").asText();
    }

    /** Asserts a 201 answer; returns the intake id. */
    String assertCreated() {
        assertThat(status).as("status of %s", body).isEqualTo(201);
        assertThat(contentType()).isEqualTo("application/json");
        String id = json().path("intakeId").asText();
        assertThat(header("Location")).contains("/intakes/" + id);
        return id;
    }

    /** Asserts an RFC 9457 problem answer with this status; returns this for more checks. */
    Answer assertProblem(int expectedStatus) {
        assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
        assertThat(contentType()).isEqualTo("application/problem+json");
        JsonNode problem = json();
        assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return this;
    }

    /** Field names the patient's 201 answer must never hold, at any depth. */
    static final List<String> ASSESSMENT_FIELDS = List.of("score", "tier", "disposition", "dispositionRule",
            "dispositionReason", "priorityKey", "redFlags", "readiness", "regions", "ruleSetVersion", "toConfirm",
            "procedureNotes", "assessment", "patientMessage");

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String TIMESTAMP_PATTERN = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    /**
     * Asserts the 201 receipt: exactly intakeId (a UUID), receivedAt (UTC, milliseconds) and
     * nextSteps {code, language, message, when, contactBy, emergencyNumber, advice[]}, with this code,
     * every placeholder filled, a date unless the patient is to seek emergency care now, and advice
     * that names the emergency number; no score, tier, disposition or other assessment field
     * anywhere. Returns the intake id.
     */
    String assertReceipt(String expectedCode) {
        String id = assertCreated();
        JsonNode receipt = json();
        assertThat(fieldNames(receipt)).doesNotContainAnyElementsOf(ASSESSMENT_FIELDS);
        assertThat(receipt.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("intakeId", "receivedAt", "nextSteps");
        assertThat(id).matches(UUID_PATTERN);
        assertThat(receipt.path("receivedAt").asText()).matches(TIMESTAMP_PATTERN);
        JsonNode next = receipt.path("nextSteps");
        assertThat(next.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("code", "language", "message", "when", "contactBy", "emergencyNumber", "advice");
        assertThat(next.path("code").asText()).isEqualTo(expectedCode);
        assertThat(next.path("language").asText()).isIn("en", "es");
        assertThat(next.path("message").asText()).isNotBlank().doesNotContain("{");
        assertThat(next.path("when").asText()).isNotBlank().doesNotContain("{");
        if (expectedCode.equals("SEEK_EMERGENCY_CARE_NOW")) {
            assertThat(next.path("contactBy").isNull()).as("no date: care is needed now").isTrue();
        } else {
            assertThat(next.path("contactBy").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        String number = next.path("emergencyNumber").asText();
        assertThat(number).isNotBlank();
        assertThat(next.path("advice")).isNotEmpty().allSatisfy(a -> {
            assertThat(a.path("code").asText()).matches("[A-Z_]+");
            assertThat(a.path("text").asText()).contains(number).doesNotContain("{");
        });
        return id;
    }

    /** Every property name in the tree, at any depth. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        collect(node, names);
        return names;
    }

    private static void collect(JsonNode node, List<String> names) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                names.add(e.getKey());
                collect(e.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }

    boolean replayed() {
        return "true".equals(header("Idempotent-Replayed").orElse(null));
    }
}
