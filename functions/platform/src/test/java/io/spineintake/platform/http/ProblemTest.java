package io.spineintake.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import io.spineintake.platform.Json;
import io.spineintake.platform.http.Problem.FieldError;

class ProblemTest {

    @Test
    void problemJsonHasRfc9457MembersAndErrors() throws Exception {
        Problem problem = new Problem("https://spineintake.io/problems/invalid-form", "Invalid form", 422,
                "2 answers are invalid.", "/intakes",
                List.of(new FieldError("/pain/score", "must be 0-10"), new FieldError("/consent", "is required")));

        APIGatewayV2HTTPResponse response = HttpResponses.problem(problem, Map.of("Retry-After", "1"));
        JsonNode json = Json.mapper().readTree(response.getBody());

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("Retry-After", "1");
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("type", "title", "status", "detail", "instance", "errors");
        assertThat(json.get("status").isInt()).isTrue();
        assertThat(json.get("status").asInt()).isEqualTo(422);
        assertThat(json.get("errors")).hasSize(2);
        assertThat(json.get("errors").get(0).get("pointer").asText()).isEqualTo("/pain/score");
        assertThat(json.get("errors").get(0).get("detail").asText()).isEqualTo("must be 0-10");
    }

    @Test
    void minimalProblemIsAboutBlankWithoutEmptyMembers() throws Exception {
        JsonNode json = Json.mapper().readTree(HttpResponses.problem(Problem.of(503, "Service Unavailable", "Try again.")).getBody());

        assertThat(json.get("type").asText()).isEqualTo("about:blank");
        assertThat(json.has("errors")).isFalse();
        assertThat(json.has("instance")).isFalse();
    }

    @Test
    void jsonResponsesAreNotCached() throws Exception {
        APIGatewayV2HTTPResponse response = HttpResponses.json(201, Map.of("intakeId", "abc"));

        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Cache-Control", "no-store");
        assertThat(Json.mapper().readTree(response.getBody()).get("intakeId").asText()).isEqualTo("abc");
    }

    @Test
    void headersAreLookedUpCaseInsensitively() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("idempotency-key", "k1", "Content-Type", "application/json")).build();

        assertThat(Headers.get(event, "Idempotency-Key")).contains("k1");
        assertThat(Headers.get(event, "content-type")).contains("application/json");
        assertThat(Headers.get(event, "x-missing")).isEmpty();
        assertThat(Headers.get(APIGatewayV2HTTPEvent.builder().build(), "a")).isEmpty();
    }
}
