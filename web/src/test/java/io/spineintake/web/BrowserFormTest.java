package io.spineintake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.runner.LocalRunner;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.Config;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The browser tests inside mvn verify: starts the real local runner (dynalite, ElasticMQ, the real
 * handlers, the built web/target/site) on a free port, runs web/test/browser with node (Chromium
 * through playwright-core), then checks what the browser stored against the API itself: for each
 * form the patient sent through the pages, the stored assessment equals the one POST /intakes
 * gives for the same JSON (and, for a reference vignette, for the vignette's own file).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserFormTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path WEB = Path.of(System.getProperty("user.dir"));
    static final Path ARTIFACTS = WEB.resolve("target/browser");

    static LocalRunner runner;
    static AwsClients clients;
    static IntakeRepository intakes;
    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheRunner() throws IOException {
        runner = LocalRunner.start("--port", "0", "--site", WEB.resolve("target/site").toString());
        base = "http://127.0.0.1:" + runner.port();
        clients = AwsClients.create(Config.of(runner.environment()), LocalAws.CREDENTIALS);
        intakes = new IntakeRepository(clients, runner.environment().get("INTAKES_TABLE"));
    }

    @AfterAll
    static void stopTheRunner() {
        if (clients != null) {
            clients.close();
        }
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    @Order(1)
    void theBrowserTestsPass() throws Exception {
        NodeBrowserTests.run(WEB, ARTIFACTS, "test/browser/form.test.mjs", base, Map.of());
    }

    @Test
    @Order(2)
    void eachStoredAssessmentEqualsWhatPostIntakesGivesForTheSameJson() throws Exception {
        JsonNode submissions = JSON.readTree(ARTIFACTS.resolve("submissions.json").toFile());
        List<String> checked = new ArrayList<>();
        for (JsonNode s : submissions) {
            if (!s.has("sent")) {
                continue;
            }
            IntakeRecord stored = intakes.get(s.get("intakeId").asText()).orElseThrow();
            JsonNode storedForm = JSON.readTree(stored.formJson());
            assertThat(storedForm.at("/patient/language").asText()).isEqualTo(s.path("language").asText("en"));
            for (JsonNode blank : s.path("blank")) {
                assertThat(storedForm.at(blank.asText()).isMissingNode() || storedForm.at(blank.asText()).isNull())
                        .as("%s stays blank, never NO", blank.asText()).isTrue();
            }
            IntakeRecord viaApi = intakes.get(postIntake(JSON.writeValueAsString(s.get("sent")))).orElseThrow();
            assertThat(comparable(stored)).isEqualTo(comparable(viaApi));
            if (!s.path("vignette").isNull()) {
                String id = s.get("vignette").asText();
                String file = Files.readString(WEB.resolve("../functions/triage-engine/src/test/resources/vignettes/" + id + ".json"),
                        StandardCharsets.UTF_8);
                assertThat(comparable(stored))
                        .as("%s through the pages and %s.json through POST /intakes", id, id)
                        .isEqualTo(comparable(intakes.get(postIntake(file)).orElseThrow()));
                checked.add(id);
            }
        }
        assertThat(checked).contains("V01", "V04", "V06", "V13", "V17");
    }

    /**
     * The PHI scan of every log line the runner wrote while the browser used it (log4j2-test.xml:
     * all lines, production layout, DEBUG for the project): the new drafts routes and POST /intakes
     * answered, and no value the browser typed (names, dates of birth, phones, emails, resume codes).
     */
    @Test
    @Order(3)
    void noLogLineHoldsAValueThePatientTypedOrAResumeCode() throws IOException {
        List<String> lines = Files.readAllLines(WEB.resolve("target/test-logs/web.log"), StandardCharsets.UTF_8);
        assertThat(lines).anyMatch(l -> l.contains("POST /intake-drafts answered 201"));
        assertThat(lines).anyMatch(l -> l.contains("POST /intake-drafts/resume answered 200"));
        assertThat(lines).anyMatch(l -> l.contains("POST /intake-drafts/resume answered 423"));
        assertThat(lines).anyMatch(l -> l.contains("POST /intakes answered 201"));
        List<String> typed = new ArrayList<>();
        JSON.readTree(ARTIFACTS.resolve("typed-values.json").toFile()).forEach(v -> typed.add(v.asText()));
        assertThat(typed).hasSizeGreaterThan(10).anyMatch(v -> v.matches("[2-9A-Z]{4}-[2-9A-Z]{4}"));
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String value : typed) {
                if (lines.get(i).contains(value)) {
                    leaks.add("line " + (i + 1) + " holds a typed value of " + value.length() + " characters");
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** POST /intakes on the runner; the stored intake's assessment. */
    private static String postIntake(String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/intakes"))
                .header("content-type", "application/json").header("idempotency-key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("intakeId").asText();
    }

    /**
     * The stored assessment without what only says when it was made: the priority key ends in the
     * receipt time, and a conservative-care re-contact instant is counted from it (kept as the time
     * after the receipt, to the second).
     */
    static JsonNode comparable(IntakeRecord record) throws IOException {
        ObjectNode copy = (ObjectNode) JSON.readTree(record.assessmentJson());
        String key = copy.path("priorityKey").asText();
        copy.put("priorityKey", key.substring(0, Math.max(0, key.lastIndexOf('-'))));
        if (copy.path("recontactAt").isTextual()) {
            Duration after = Duration.between(Instant.parse(record.receivedAt()), Instant.parse(copy.get("recontactAt").asText()));
            copy.put("recontactAt", "receivedAt + " + Duration.ofSeconds(Math.round(after.toNanos() / 1e9)));
        }
        return copy;
    }
}
