package io.spineintake.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.local.backends.RepoRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Starts the runner through its main entry point in its own JVM, as a user would, and uses it over
 * HTTP: submit a vignette, see it on the worklist with a locally issued token, 401 without one;
 * then stops it as Ctrl-C would and checks nothing it started is left running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class LocalRunnerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static Process runner;
    static String base;
    static List<ProcessHandle> started;

    @BeforeAll
    static void start() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        runner = new ProcessBuilder(java.toString(), "-cp", classpath, LocalRunner.class.getName(), "--port", "0")
                .directory(RepoRoot.find().toFile())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
        Pattern ready = Pattern.compile("running on (http://127\\.0\\.0\\.1:\\d+)");
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = ready.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("the runner exited before it was ready");
        });
        base = url.get(90, TimeUnit.SECONDS);
        // keep draining its output so it never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                out.lines().forEach(l -> { });
            } catch (java.io.UncheckedIOException closed) {
                // the runner has exited
            }
        }, "runner-output");
        drain.setDaemon(true);
        drain.start();
        started = runner.descendants().toList();
    }

    @AfterAll
    static void stop() throws Exception {
        if (runner != null && runner.isAlive()) {
            runner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void aSubmittedVignetteReachesTheWorklistOfALoggedInCoordinator() throws Exception {
        Path v01 = RepoRoot.find().resolve("functions/triage-engine/src/test/resources/vignettes/V01.json");
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(URI.create(base + "/intakes"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofFile(v01)));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String intakeId = JSON.readTree(submitted.body()).path("intakeId").asText();

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(base + "/referrals")).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/local/login"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\"}")));
        assertThat(login.statusCode()).isEqualTo(200);
        String token = JSON.readTree(login.body()).path("access_token").asText();

        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(base + "/referrals"))
                .header("authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA").GET());
        assertThat(forged.statusCode()).isEqualTo(401);

        // the SQS event source turns the routed intake into a referral within moments
        JsonNode found = null;
        for (int i = 0; i < 60 && found == null; i++) {
            HttpResponse<String> worklist = send(HttpRequest.newBuilder(URI.create(base + "/referrals"))
                    .header("authorization", "Bearer " + token).GET());
            assertThat(worklist.statusCode()).as(worklist.body()).isEqualTo(200);
            for (JsonNode item : JSON.readTree(worklist.body()).path("items")) {
                if (item.path("intakeId").asText().equals(intakeId)) {
                    found = item;
                }
            }
            if (found == null) {
                Thread.sleep(500);
            }
        }
        assertThat(found).as("referral for the submitted intake").isNotNull();
        assertThat(found.path("disposition").asText()).isEqualTo("CONSULT");

        HttpResponse<String> detail = send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + intakeId))
                .header("authorization", "Bearer " + token).GET());
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("Test Patient V01");
        referralId = intakeId;
        coordinatorToken = token;
        region = found.path("regions").get(0).asText();
    }

    static String referralId;
    static String coordinatorToken;
    static String region;

    /** A block, its diary link and an entry through the runner's HTTP API, as the console and the diary page will. */
    @Test
    @Order(2)
    void aBlockGetsADiaryLinkAndThePatientsEntryReachesTheCoordinator() throws Exception {
        assertThat(referralId).as("the referral of the first test").isNotNull();
        String level = switch (region) {
            case "CERVICAL" -> "C5-C6";
            case "THORACIC" -> "T5-T6";
            default -> "L4-L5";
        };
        String ended = java.time.Instant.now().minus(Duration.ofMinutes(14)).toString();
        HttpResponse<String> block = send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + referralId + "/blocks"))
                .header("authorization", "Bearer " + coordinatorToken).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"endedAt\":\"" + ended + "\",\"region\":\"" + region
                        + "\",\"levels\":[\"" + level + "\"],\"side\":\"LEFT\",\"anaesthetic\":\"LIDOCAINE\","
                        + "\"diagnosticBlock\":\"FIRST\",\"baselineNrs\":8}")));
        assertThat(block.statusCode()).as(block.body()).isEqualTo(201);
        String episodeId = JSON.readTree(block.body()).path("episodeId").asText();

        HttpResponse<String> link = send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + referralId + "/blocks/"
                + episodeId + "/diary-link")).header("authorization", "Bearer " + coordinatorToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        String diaryToken = JSON.readTree(link.body()).path("token").asText();

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(base + "/diary")).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> diary = send(HttpRequest.newBuilder(URI.create(base + "/diary"))
                .header("authorization", "Diary " + diaryToken).GET());
        assertThat(diary.statusCode()).as(diary.body()).isEqualTo(200);
        assertThat(JSON.readTree(diary.body()).path("timePoints").get(0).path("status").asText()).isEqualTo("DUE");
        assertThat(diary.body()).doesNotContain("Test Patient V01");

        String entry = "{\"timePoint\":15,\"nrs\":2}";
        for (int i = 0; i < 2; i++) { // a resend with the same key is the same entry
            HttpResponse<String> sent = send(HttpRequest.newBuilder(URI.create(base + "/diary/entries"))
                    .header("authorization", "Diary " + diaryToken).header("content-type", "application/json")
                    .header("idempotency-key", "runner-entry-1").POST(HttpRequest.BodyPublishers.ofString(entry)));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        }
        HttpResponse<String> blocks = send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + referralId + "/blocks"))
                .header("authorization", "Bearer " + coordinatorToken).GET());
        assertThat(blocks.statusCode()).isEqualTo(200);
        JsonNode episode = JSON.readTree(blocks.body()).path("episodes").get(0);
        assertThat(episode.path("entries").size()).isEqualTo(1);
        assertThat(episode.path("result").path("peak").path("reliefPercent").asDouble()).isEqualTo(75.0);
        assertThat(episode.path("diaryLink").path("status").asText()).isEqualTo("ACTIVE");

        HttpResponse<String> revoked = send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + referralId + "/blocks/"
                + episodeId + "/diary-link")).header("authorization", "Bearer " + coordinatorToken).DELETE());
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/diary")).header("authorization", "Diary " + diaryToken)
                .GET()).statusCode()).isEqualTo(410);
    }

    /** The FHIR routes through the runner's gateway: the template's routes, behind the JWT (docs/fhir.md). */
    @Test
    @Order(3)
    void theFhirRoutesAnswerFhirJsonToACoordinator() throws Exception {
        assertThat(referralId).as("the referral of the first test").isNotNull();
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + referralId + "/fhir")).GET()).statusCode())
                .isEqualTo(401);
        HttpResponse<String> bundle = send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + referralId + "/fhir"))
                .header("authorization", "Bearer " + coordinatorToken).GET());
        assertThat(bundle.statusCode()).as(bundle.body()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("content-type")).hasValue("application/fhir+json");
        JsonNode b = JSON.readTree(bundle.body());
        assertThat(b.path("type").asText()).isEqualTo("collection");
        assertThat(b.path("entry").findValuesAsText("resourceType")).contains("Patient", "QuestionnaireResponse",
                "RiskAssessment", "ServiceRequest", "Task", "Procedure", "Observation");
        HttpResponse<String> questionnaire = send(HttpRequest.newBuilder(URI.create(base + "/fhir/Questionnaire/intake"))
                .header("authorization", "Bearer " + coordinatorToken).GET());
        assertThat(questionnaire.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(questionnaire.body()).path("resourceType").asText()).isEqualTo("Questionnaire");
    }

    @Test
    @Order(4)
    void stoppingItLeavesNoProcessBehind() throws Exception {
        assertThat(started).as("the runner starts dynalite as a child").isNotEmpty();
        runner.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook runs
        assertThat(runner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle child : started) {
            child.onExit().get(30, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("child " + child.pid()).isFalse();
        }
    }
}
