package io.spineintake.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.local.backends.RepoRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end scenario, over HTTP against a running system: submit, route, consume, claim,
 * decide. Run against the embedded backends in the normal build and against LocalStack in the
 * localstack profile; a subclass says where the system is.
 */
abstract class EndToEndScenarios {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    abstract String baseUrl();

    JsonNode call(String method, String path, String token, String body, String... headers) throws Exception {
        HttpResponse<String> r = raw(method, path, token, body, headers);
        JsonNode json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("_status", r.statusCode());
        r.headers().firstValue("etag").ifPresent(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("_etag", e));
        return json;
    }

    HttpResponse<String> raw(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("content-type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String login(String username) throws Exception {
        JsonNode r = call("POST", "/local/login", null, "{\"username\":\"" + username + "\"}");
        assertThat(r.path("_status").asInt()).isEqualTo(200);
        return r.path("access_token").asText();
    }

    String submit(String vignette) throws Exception {
        Path file = RepoRoot.find().resolve("functions/triage-engine/src/test/resources/vignettes/" + vignette + ".json");
        JsonNode r = call("POST", "/intakes", null, java.nio.file.Files.readString(file),
                "idempotency-key", UUID.randomUUID().toString());
        assertThat(r.path("_status").asInt()).as(r.toString()).isEqualTo(201);
        return r.path("intakeId").asText();
    }

    /** The worklist's items, waiting until every id in {@code expected} is on it (the queue is asynchronous). */
    List<JsonNode> worklistWith(String token, List<String> expected) throws Exception {
        for (int attempt = 0; attempt < 120; attempt++) {
            JsonNode page = call("GET", "/referrals?limit=100", token, null);
            assertThat(page.path("_status").asInt()).as(page.toString()).isEqualTo(200);
            List<JsonNode> items = new ArrayList<>();
            page.path("items").forEach(items::add);
            List<String> ids = items.stream().map(i -> i.path("referralId").asText()).toList();
            if (ids.containsAll(expected)) {
                return items;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("referrals never reached the worklist: " + expected);
    }

    @Test
    void submitRouteConsumeClaimDecide() throws Exception {
        String routine = submit("V01");
        String emergency = submit("V04");
        String alice = login("alice");
        String bob = login("bob");

        List<JsonNode> worklist = worklistWith(alice, List.of(routine, emergency));
        List<String> order = worklist.stream().map(i -> i.path("referralId").asText()).toList();
        assertThat(order.indexOf(emergency)).as("emergency first").isLessThan(order.indexOf(routine));

        JsonNode claimed = call("POST", "/referrals/" + routine + "/claim", alice, null);
        assertThat(claimed.path("_status").asInt()).as(claimed.toString()).isEqualTo(200);
        assertThat(call("POST", "/referrals/" + routine + "/claim", bob, null).path("_status").asInt()).isEqualTo(409);

        JsonNode detail = call("GET", "/referrals/" + routine, alice, null);
        assertThat(detail.path("_status").asInt()).isEqualTo(200);
        String etag = detail.path("_etag").asText();
        assertThat(etag).isNotEmpty();

        JsonNode decided = call("POST", "/referrals/" + routine + "/decision", alice,
                "{\"outcome\":\"SCHEDULE_CONSULT\",\"note\":\"booked for next week\"}", "if-match", etag);
        assertThat(decided.path("_status").asInt()).as(decided.toString()).isEqualTo(200);
        JsonNode stale = call("POST", "/referrals/" + routine + "/decision", alice,
                "{\"outcome\":\"DECLINED\"}", "if-match", etag);
        assertThat(stale.path("_status").asInt()).isIn(409, 412);

        JsonNode after = call("GET", "/referrals/" + routine, alice, null);
        List<String> actions = new ArrayList<>();
        after.path("audit").forEach(e -> actions.add(e.path("action").asText()));
        assertThat(actions).containsSubsequence("CREATED", "CLAIMED", "VIEWED", "DECIDED");
        JsonNode open = call("GET", "/referrals?limit=100", alice, null);
        open.path("items").forEach(i -> assertThat(i.path("referralId").asText()).isNotEqualTo(routine));
    }
}
