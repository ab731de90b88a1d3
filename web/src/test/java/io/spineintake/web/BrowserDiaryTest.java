package io.spineintake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spineintake.local.backends.TestClock;
import io.spineintake.local.runner.LocalRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The patient's post-block diary in real Chromium inside mvn verify: starts the real local runner
 * with its functions on a clock, seeds a lumbar facet intake (V01) through POST /intakes, records
 * a bupivacaine block on its referral and issues its diary link through the coordinator API, then
 * runs web/test/browser/diary.test.mjs with node, which moves the clock through a loopback-only
 * control endpoint of this test (CLOCK_URL) while it fills the diary. Then it checks the verdict
 * and the entries through GET /referrals/{id}/blocks, and scans the runner's log for the links.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserDiaryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path WEB = Path.of(System.getProperty("user.dir"));
    static final Path ARTIFACTS = WEB.resolve("target/browser");
    static final Path VIGNETTES = WEB.resolve("../functions/triage-engine/src/test/resources/vignettes");
    /** When the block ended: the diary's minute 0. */
    static final Instant ENDED = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    /** The control endpoint moves the clock to ENDED plus 0 to this many minutes, nothing else. */
    static final int MAX_MINUTES = 3 * 24 * 60;
    static final Pattern MINUTES = Pattern.compile("minutes=(\\d{1,4})");

    static TestClock clock;
    static LocalRunner runner;
    static HttpServer clockControl;
    static String base;
    static String coordinator;
    static final ObjectNode SEED = JSON.createObjectNode();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheRunnerAndSeed() throws Exception {
        clock = new TestClock(ENDED.minus(Duration.ofHours(2)));
        runner = LocalRunner.start(clock, "--port", "0", "--site", WEB.resolve("target/site").toString());
        base = "http://127.0.0.1:" + runner.port();
        coordinator = login();

        // V01: lumbar facet pain, worse leaning back and twisting (the diary's movements)
        String referral = submit("V01");
        String revokedReferral = submit("V09");
        waitForReferral(referral);
        waitForReferral(revokedReferral);
        clock.set(ENDED);
        String episode = recordBlock(referral);
        // the first link is replaced by the second (the patient's): it must then say so
        String replaced = issueLink(referral, episode);
        String token = issueLink(referral, episode);
        // another referral's block whose link the clinic withdraws
        String otherEpisode = recordBlock(revokedReferral);
        String revoked = issueLink(revokedReferral, otherEpisode);
        HttpResponse<String> revoke = send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + revokedReferral + "/blocks/"
                + otherEpisode + "/diary-link")).header("authorization", "Bearer " + coordinator).DELETE());
        assertThat(revoke.statusCode()).isEqualTo(204);

        clockControl = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        clockControl.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "diary-clock-control");
            t.setDaemon(true);
            return t;
        }));
        clockControl.createContext("/clock", BrowserDiaryTest::moveTheClock);
        clockControl.start();

        SEED.put("endedAt", ENDED.toString());
        SEED.put("token", token);
        SEED.put("replacedToken", replaced);
        SEED.put("revokedToken", revoked);
        SEED.put("referralId", referral);
        SEED.put("episodeId", episode);
        Files.createDirectories(ARTIFACTS);
        Files.writeString(ARTIFACTS.resolve("diary-seed.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(SEED));
        // for a later step that opens the console's referral page and checks the verdict there
        ObjectNode forConsole = JSON.createObjectNode();
        forConsole.put("referralId", referral);
        forConsole.put("episodeId", episode);
        forConsole.put("expectedVerdict", "POSITIVE");
        forConsole.put("clinicStandard", "MEDICARE_LCD");
        Files.writeString(ARTIFACTS.resolve("diary-episode.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(forConsole));
    }

    /** POST /clock?minutes=N sets the functions' clock to the block's end plus N minutes (0 to MAX_MINUTES); nothing else. */
    private static void moveTheClock(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = MINUTES.matcher(String.valueOf(exchange.getRequestURI().getRawQuery()));
            int status;
            if (!"POST".equals(exchange.getRequestMethod()) || !m.matches() || Integer.parseInt(m.group(1)) > MAX_MINUTES) {
                status = 400;
            } else {
                clock.set(ENDED.plus(Duration.ofMinutes(Integer.parseInt(m.group(1)))));
                status = 204;
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @AfterAll
    static void stopTheRunner() {
        if (clockControl != null) {
            clockControl.stop(0);
        }
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    @Order(1)
    void theDiaryBrowserTestsPass() throws Exception {
        NodeBrowserTests.run(WEB, ARTIFACTS, "test/browser/diary.test.mjs", base, Map.of(
                "DIARY_SEED", ARTIFACTS.resolve("diary-seed.json").toString(),
                "CLOCK_URL", "http://127.0.0.1:" + clockControl.getAddress().getPort() + "/clock"));
    }

    /** What the browser sent is what the episode holds, once per point, and the block is positive at the LCD's 80%. */
    @Test
    @Order(2)
    void theEntriesTheBrowserSentAreTheEpisodesAndTheBlockIsPositive() throws Exception {
        JsonNode sent = JSON.readTree(ARTIFACTS.resolve("diary-entries.json").toFile());
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + SEED.get("referralId").asText() + "/blocks"))
                .header("authorization", "Bearer " + coordinator).GET());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode episode = JSON.readTree(r.body()).get("episodes").get(0);
        assertThat(episode.get("episodeId").asText()).isEqualTo(SEED.get("episodeId").asText());
        JsonNode entries = episode.get("entries");
        assertThat(entries.size()).isEqualTo(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            JsonNode want = sent.get(i);
            JsonNode got = entries.get(i);
            assertThat(got.get("timePoint").asInt()).isEqualTo(want.get("timePoint").asInt());
            assertThat(got.get("nrs").asInt()).isEqualTo(want.get("nrs").asInt());
            assertThat(got.get("late").asBoolean()).as("late at %s", want.get("timePoint")).isEqualTo(want.get("late").asBoolean());
            List<String> wantMovements = new ArrayList<>();
            want.get("movements").forEach(m -> wantMovements.add(m.get("movement").asText() + " " + m.get("tried").asBoolean() + " "
                    + m.path("change").asText("null")));
            List<String> gotMovements = new ArrayList<>();
            got.get("movements").forEach(m -> gotMovements.add(m.get("movement").asText() + " " + m.get("tried").asBoolean() + " "
                    + m.path("change").asText("null")));
            assertThat(gotMovements).isEqualTo(wantMovements);
        }
        JsonNode verdicts = episode.get("result").get("verdicts");
        JsonNode lcd = null;
        for (JsonNode v : verdicts) {
            if ("MEDICARE_LCD".equals(v.get("standard").asText())) {
                lcd = v;
            }
        }
        assertThat(lcd).isNotNull();
        assertThat(lcd.get("result").asText()).as(lcd.toString()).isEqualTo("POSITIVE");
        assertThat(lcd.get("thresholdPercent").asInt()).isEqualTo(80);
        assertThat(lcd.get("fromMinutes").asInt()).isEqualTo(30);
        assertThat(lcd.get("durationMinutes").asInt()).isGreaterThanOrEqualTo(lcd.get("minimumMinutes").asInt());
        assertThat(episode.get("result").get("missing").toString()).contains("90");
    }

    /** No log line of the runner holds a diary link (the capability travels in a header only, never logged). */
    @Test
    @Order(3)
    void noLogLineHoldsADiaryLink() throws IOException {
        List<String> tokens = List.of(SEED.get("token").asText(), SEED.get("replacedToken").asText(), SEED.get("revokedToken").asText());
        List<String> leaks = new ArrayList<>();
        int lines = 0;
        try (var files = Files.list(WEB.resolve("target/test-logs"))) {
            for (Path log : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                lines += all.size();
                for (int i = 0; i < all.size(); i++) {
                    for (String token : tokens) {
                        if (all.get(i).contains(token)) {
                            leaks.add(log.getFileName() + " line " + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(lines).isGreaterThan(20);
        assertThat(leaks).isEmpty();
    }

    private static String login() throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/local/login")).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"diary.nurse\"}")));
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private static String submit(String vignette) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/intakes"))
                .header("content-type", "application/json").header("idempotency-key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofFile(VIGNETTES.resolve(vignette + ".json"))));
        assertThat(r.statusCode()).as(vignette + ": " + r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("intakeId").asText();
    }

    /** Until the consult queue's consumer has made the referral (bounded). */
    private static void waitForReferral(String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + id))
                    .header("authorization", "Bearer " + coordinator).GET());
            if (r.statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no referral " + id + " within 90 s");
    }

    /** A first diagnostic bupivacaine block at L4-L5 and L5-S1, both sides, baseline 10, ended at ENDED. */
    private static String recordBlock(String referral) throws IOException, InterruptedException {
        String body = "{\"endedAt\":\"" + ENDED + "\",\"region\":\"LUMBAR\",\"levels\":[\"L4-L5\",\"L5-S1\"],\"side\":\"BOTH\","
                + "\"anaesthetic\":\"BUPIVACAINE\",\"diagnosticBlock\":\"FIRST\",\"baselineNrs\":10}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + referral + "/blocks"))
                .header("authorization", "Bearer " + coordinator).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("episodeId").asText();
    }

    private static String issueLink(String referral, String episode) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/referrals/" + referral + "/blocks/" + episode + "/diary-link"))
                .header("authorization", "Bearer " + coordinator).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String token = JSON.readTree(r.body()).get("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        return token;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
