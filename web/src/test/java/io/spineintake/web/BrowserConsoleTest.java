package io.spineintake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.TestClock;
import io.spineintake.local.runner.LocalRunner;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.Config;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The coordinators' console in real Chromium inside mvn verify: starts the real local runner with
 * its functions on a clock this test moves, seeds the reference vignettes through POST /intakes at
 * chosen times (so one emergency is due 2 h ago and one urgent review is due in 3 h when the
 * console opens), then runs web/test/browser/console.test.mjs with node and checks what it
 * recorded against the referrals table and the runner's log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserConsoleTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path WEB = Path.of(System.getProperty("user.dir"));
    static final Path ARTIFACTS = WEB.resolve("target/browser");
    static final Path VIGNETTES = WEB.resolve("../functions/triage-engine/src/test/resources/vignettes");
    /** The console's "now": the functions' clock while the browser runs (frozen, so every time in words is exact). */
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    /** Copies of a consult vignette besides the eighteen, so a list has more rows than a page. */
    static final int EXTRA_CONSULTS = 12;

    static TestClock clock;
    static LocalRunner runner;
    static AwsClients clients;
    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The diary capabilities the seeding was given: the log scan looks for them too. */
    static final List<String> TOKENS = new ArrayList<>();

    @BeforeAll
    static void startTheRunnerAndSeed() throws Exception {
        clock = new TestClock(NOW.minus(Duration.ofHours(21)));
        runner = LocalRunner.start(clock, "--port", "0", "--site", WEB.resolve("target/site").toString());
        base = "http://127.0.0.1:" + runner.port();
        clients = AwsClients.create(Config.of(runner.environment()), LocalAws.CREDENTIALS);

        ObjectNode seed = JSON.createObjectNode();
        seed.put("now", NOW.toString());
        ObjectNode ids = seed.putObject("ids");
        // the urgent review (due P1D) 21 h ago: due in 3 h; the emergency (due PT1H) 3 h ago: 2 h overdue
        ids.put("V16", submit("V16"));
        clock.advance(Duration.ofSeconds(1));
        seedBlocks(seed);
        clock.set(NOW.minus(Duration.ofHours(3)));
        ids.put("V04", submit("V04"));
        clock.set(NOW.minus(Duration.ofMinutes(30)));
        List<String> vignettes = new ArrayList<>();
        try (var files = Files.list(VIGNETTES)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+\\.json")).sorted()
                    .map(n -> n.substring(0, n.length() - 5)).filter(v -> !v.equals("V04") && !v.equals("V16")).forEach(vignettes::add);
        }
        for (String v : vignettes) {
            clock.advance(Duration.ofSeconds(1));
            ids.put(v, submit(v));
        }
        ArrayNode extra = seed.putArray("extraConsults");
        for (int i = 0; i < EXTRA_CONSULTS; i++) {
            clock.advance(Duration.ofSeconds(1));
            extra.add(submit("V01"));
        }
        seed.put("overdue", ids.get("V04").asText());
        seed.put("dueIn3h", ids.get("V16").asText());
        clock.set(NOW);
        int expected = vignettes.size() + 3 + EXTRA_CONSULTS; // with the block patient's
        waitForReferrals(expected);
        seed.put("referrals", expected);
        Files.createDirectories(ARTIFACTS);
        Files.writeString(ARTIFACTS.resolve("console-seed.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(seed));
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
    void theConsoleBrowserTestsPass() throws Exception {
        NodeBrowserTests.run(WEB, ARTIFACTS, "test/browser/console.test.mjs", base, Map.of("CONSOLE_SEED", ARTIFACTS.resolve("console-seed.json").toString()));
    }

    /** Each decision the browser recorded is in the referrals table as the browser saw it, by its coordinator, at the runner's clock. */
    @Test
    @Order(2)
    void theDecisionsTheBrowserRecordedAreStored() throws IOException {
        JsonNode decisions = JSON.readTree(ARTIFACTS.resolve("console-decisions.json").toFile());
        assertThat(decisions.size()).isGreaterThanOrEqualTo(2);
        ReferralRepository referrals = new ReferralRepository(clients, runner.environment().get("REFERRALS_TABLE"),
                runner.environment().get("AUDIT_TABLE"));
        for (JsonNode d : decisions) {
            ReferralRecord r = referrals.get(d.get("referralId").asText()).orElseThrow();
            assertThat(r.outcome().name()).isEqualTo(d.get("outcome").asText());
            assertThat(r.decidedBy()).isEqualTo(d.get("decidedBy").asText());
            assertThat(r.decidedAt()).isEqualTo(Timestamps.of(NOW));
            assertThat(r.reason()).isEqualTo(d.path("reason").isNull() ? null : d.path("reason").asText(null));
            assertThat(r.open()).isEqualTo(!"DECIDED".equals(r.status().name()));
        }
    }

    /** No log line of the runner holds a patient's name, date of birth, phone, email or the notes the coordinators typed. */
    @Test
    @Order(3)
    void noLogLineHoldsPatientDataOrWhatTheCoordinatorsTyped() throws IOException {
        List<String> lines = Files.readAllLines(WEB.resolve("target/test-logs/web.log"), StandardCharsets.UTF_8);
        assertThat(lines).anyMatch(l -> l.contains("GET /referrals answered 200"));
        assertThat(lines).anyMatch(l -> l.contains("POST /referrals/{id}/decision answered 412"));
        assertThat(lines).anyMatch(l -> l.contains("POST /referrals/{id}/claim answered 409"));
        Set<String> secrets = new LinkedHashSet<>();
        try (var files = Files.list(VIGNETTES)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("V\\d+\\.json")).toList()) {
                JsonNode patient = JSON.readTree(f.toFile()).path("patient");
                for (String field : List.of("name", "dateOfBirth", "phone", "email")) {
                    if (patient.path(field).isTextual()) {
                        secrets.add(patient.get(field).asText());
                    }
                }
            }
        }
        JSON.readTree(ARTIFACTS.resolve("console-typed.json").toFile()).forEach(v -> secrets.add(v.asText()));
        assertThat(TOKENS).hasSize(2);
        secrets.addAll(TOKENS); // and the diary links the browser issued are among what it typed
        assertThat(secrets).hasSizeGreaterThan(40);
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String value : secrets) {
                if (lines.get(i).contains(value)) {
                    leaks.add("line " + (i + 1) + " holds a value of " + value.length() + " characters");
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** POST /intakes of a vignette at the clock's time; its referral id (the intake id). */
    private static String submit(String vignette) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/intakes"))
                .header("content-type", "application/json").header("idempotency-key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofFile(VIGNETTES.resolve(vignette + ".json"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(vignette + ": " + r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("intakeId").asText();
    }

    /**
     * The block patient (a lumbar facet consult, V01's answers: leaning back and twisting make the
     * pain worse): a first, lidocaine block 21 h before "now" and a second, bupivacaine block 20 h
     * before, each with its diary link and a diary filled through the diary API on the moving clock
     * (Authorization: Diary, an Idempotency-Key per entry), both positive at 80% (an RFA candidate,
     * concordant), with missed points and movement notes.
     */
    static void seedBlocks(ObjectNode seed) throws Exception {
        String id = submit("V01");
        seed.put("blockPatient", id);
        String token = login("seeder");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (call("GET", "/referrals/" + id, null, "Bearer " + token).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the block patient's referral was not made within 60 s");
            }
            Thread.sleep(200);
        }
        Instant first = NOW.minus(Duration.ofHours(21)).plus(Duration.ofMinutes(2));
        Instant second = NOW.minus(Duration.ofHours(20));
        // minutes after the block -> NRS (baseline 8 and 10); a point not named is missed
        Map<Integer, Integer> lidocaine = new java.util.TreeMap<>(Map.of(15, 2, 30, 1, 60, 1, 90, 1, 120, 3, 150, 5, 180, 6, 240, 7, 360, 8));
        Map<Integer, Integer> bupivacaine = new java.util.TreeMap<>(Map.of(15, 4, 30, 1, 60, 1, 90, 0, 120, 2, 180, 1, 240, 2, 300, 5, 360, 7, 480, 8));
        record Entry(Instant at, String diary, int minutes, int nrs) {
        }
        List<Entry> entries = new ArrayList<>();
        ArrayNode episodes = seed.putArray("blockEpisodes");
        String[] diaries = new String[2];
        Object[][] blocks = {{first, "LIDOCAINE", "FIRST", 8, lidocaine}, {second, "BUPIVACAINE", "SECOND", 10, bupivacaine}};
        for (int b = 0; b < blocks.length; b++) {
            Instant ended = (Instant) blocks[b][0];
            clock.set(ended);
            ObjectNode block = JSON.createObjectNode().put("endedAt", ended.toString()).put("region", "LUMBAR")
                    .put("side", "BOTH").put("anaesthetic", (String) blocks[b][1]).put("diagnosticBlock", (String) blocks[b][2])
                    .put("baselineNrs", (Integer) blocks[b][3]);
            block.putArray("levels").add("L4-L5").add("L5-S1");
            HttpResponse<String> recorded = call("POST", "/referrals/" + id + "/blocks", block.toString(), "Bearer " + token);
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
            String episode = JSON.readTree(recorded.body()).get("episodeId").asText();
            episodes.add(episode);
            HttpResponse<String> link = call("POST", "/referrals/" + id + "/blocks/" + episode + "/diary-link", null, "Bearer " + token);
            assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
            diaries[b] = JSON.readTree(link.body()).get("token").asText();
            TOKENS.add(diaries[b]);
            @SuppressWarnings("unchecked")
            Map<Integer, Integer> diary = (Map<Integer, Integer>) blocks[b][4];
            for (var e : diary.entrySet()) {
                entries.add(new Entry(ended.plus(Duration.ofMinutes(e.getKey() + 1)), diaries[b], e.getKey(), e.getValue()));
            }
        }
        entries.sort(java.util.Comparator.comparing(Entry::at));
        for (Entry e : entries) {
            clock.set(e.at());
            ObjectNode body = JSON.createObjectNode().put("timePoint", e.minutes()).put("nrs", e.nrs());
            if (e.minutes() <= 120) {
                ArrayNode moves = body.putArray("movements");
                moves.addObject().put("movement", "BENDING_BACKWARD").put("tried", e.minutes() >= 60).put("change", e.minutes() >= 60 ? "EASIER" : null);
                moves.addObject().put("movement", "TWISTING").put("tried", true).put("change", e.nrs() <= 2 ? "EASIER" : "SAME");
            }
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/diary/entries"))
                    .header("content-type", "application/json").header("authorization", "Diary " + e.diary())
                    .header("idempotency-key", UUID.randomUUID().toString()).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(e.minutes() + " min: " + r.body()).isEqualTo(201);
        }
    }

    private static String login(String username) throws IOException, InterruptedException {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/local/login"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(login.body()).get("access_token").asText();
    }

    private static HttpResponse<String> call(String method, String path, String json, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("authorization", authorization)
                .timeout(Duration.ofSeconds(20));
        if (json != null) {
            b.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Until the consult queue's consumer has made every referral (bounded). */
    private static void waitForReferrals(int expected) throws IOException, InterruptedException {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/local/login"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"seeder\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(login.body()).get("access_token").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int seen = 0;
        while (System.nanoTime() < deadline) {
            seen = 0;
            String cursor = null;
            do {
                String query = "/referrals?limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
                JsonNode page = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + query))
                        .header("authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
                seen += page.get("items").size();
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            } while (cursor != null);
            if (seen >= expected) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("only " + seen + " of " + expected + " referrals were made within 90 s");
    }
}
