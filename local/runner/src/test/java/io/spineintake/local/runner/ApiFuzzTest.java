package io.spineintake.local.runner;

import io.spineintake.platform.referrals.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.ReferralSummary;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.referrals.Band;
import io.spineintake.platform.referrals.Referral;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;
import io.spineintake.submit.IntakeSubmission;
import io.spineintake.submit.SubmitIntakeHandler;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.form.FormContract;
import io.spineintake.triageapi.ReferralService;
import io.spineintake.triageapi.TriageApiHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fuzzer over the whole API surface, through the real handlers and the local backends: for each
 * route, {@value #DEFAULT_REQUESTS} generated requests (-Dfuzz.requests=N to change, -Dfuzz.seed=S to
 * replay). Intake forms are generated from the intake form's JSON Schema itself, then mutated; every
 * other input (ids, query strings, headers, cursors, decisions, claims) from the API's own grammar
 * with hostile values mixed in. Every answer: no 5xx, no stack trace or class name in the body,
 * every 4xx application/problem+json with its status; nothing stored from a refused request.
 */
@ExtendWith(LocalAwsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(900)
class ApiFuzzTest {
    static final int DEFAULT_REQUESTS = 10_000;
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final byte[] CURSOR_KEY = "fuzz-test-cursor-key-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8);
    /** What must never be in an answer: a stack frame, an exception or a Java class name. */
    static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-z]|\\bjava\\.|\\bjavax\\.|io\\.spineintake|com\\.fasterxml|software\\.amazon|\\$[A-Z]\\w*\\b");

    final int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
    final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    static final int THREADS = 4;
    final Map<String, Map<Integer, Integer>> counts = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, java.util.concurrent.atomic.LongAdder> nanos = new java.util.concurrent.ConcurrentHashMap<>();
    /** The last ETag each referral answered with, so some decisions carry the version they must. */
    final Map<String, String> etags = new java.util.concurrent.ConcurrentHashMap<>();

    LocalAws aws;
    SubmitIntakeHandler submit;
    io.spineintake.diary.BlockDiaryHandler diary;
    io.spineintake.priorauthpdf.PriorAuthPdfHandler pdf;
    TriageApiHandler triage;
    ReferralRepository referrals;
    IntakeRepository intakes;
    JsonNode schema;
    List<String> referralIds = new ArrayList<>();
    List<String> cursors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    void wire(LocalAws aws) throws IOException {
        this.aws = aws;
        intakes = new IntakeRepository(aws.clients(), aws.intakesTable());
        referrals = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
        submit = new SubmitIntakeHandler(new IntakeSubmission(intakes,
                new IntakeRouter(intakes, new ConsultQueuePublisher(aws.clients(), aws.consultQueueUrl())),
                FormContract.load(), TriageEngine.fromEnvironment(Map.of()), io.spineintake.platform.Config.of(Map.of()), Clock.systemUTC()));
        triage = new TriageApiHandler(new ReferralService(referrals, intakes, Clock.systemUTC(), Duration.ofMinutes(30),
                CURSOR_KEY, new io.spineintake.platform.ClinicMetrics(aws.config())), new io.spineintake.triageapi.BlockService(referrals,
                new io.spineintake.platform.blocks.BlockRepository(aws.clients(), aws.blocksTable()),
                io.spineintake.triage.rules.BlockRuleFile.bundled(), java.time.ZoneId.of("America/New_York"), Clock.systemUTC()),
                new io.spineintake.platform.priorauth.PriorAuthPackets(referrals, intakes,
                        new io.spineintake.platform.blocks.BlockRepository(aws.clients(), aws.blocksTable()), TriageEngine.fromEnvironment(Map.of()),
                        io.spineintake.triage.rules.BlockRuleFile.bundled(), io.spineintake.triage.priorauth.ProcedureCodes.parse("LUMBAR=64493 64494"),
                        java.time.ZoneId.of("America/New_York"), Clock.systemUTC()));
        diary = new io.spineintake.diary.BlockDiaryHandler(new io.spineintake.platform.Environment(aws.config(), aws.clients()));
        pdf = new io.spineintake.priorauthpdf.PriorAuthPdfHandler(new io.spineintake.platform.Environment(aws.config(), aws.clients()));
        try (InputStream in = FormContract.class.getResourceAsStream(FormContract.SCHEMA_RESOURCE)) {
            schema = JSON.readTree(in);
        }
        System.out.println("ApiFuzzTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + "), " + requests
                + " requests per route");
        // referrals to work on: every band, a few with their intake stored
        Random r = new Random(seed);
        Disposition[] dispositions = {Disposition.EMERGENCY, Disposition.URGENT_REVIEW, Disposition.CONSULT,
                Disposition.CONSULT, Disposition.OTHER_PATHWAY, Disposition.CONSERVATIVE_CARE_FIRST};
        for (int i = 0; i < 40; i++) {
            String id = UUID.randomUUID().toString();
            Instant submitted = Instant.now().minus(Duration.ofHours(r.nextInt(400)));
            Disposition disposition = dispositions[i % dispositions.length];
            String key = Band.of(disposition).prefix() + "-9-0" + (10 + r.nextInt(89)) + "-"
                    + submitted.toEpochMilli();
            ReferralSummary summary = new ReferralSummary(id, List.of(Region.LUMBAR), disposition, Tier.MODERATE,
                    r.nextInt(101), key, submitted.toString(), null, List.of(), false);
            assertThat(referrals.createIfAbsent(Referral.create(summary, submitted,
                    submitted.plus(Duration.ofHours(r.nextInt(500))), Instant.now()))).isTrue();
            referralIds.add(id);
        }
    }

    @AfterAll
    void report() {
        StringBuilder b = new StringBuilder("ApiFuzzTest answers by route and status (seed " + seed + "):\n");
        new TreeMap<>(counts).forEach((route, byStatus) -> b.append(String.format("  %-34s %6d requests  %s%n", route,
                byStatus.values().stream().mapToInt(Integer::intValue).sum(), new TreeMap<>(byStatus))));
        b.append("  handler time by route and class of status (").append(THREADS).append(" threads):\n");
        new TreeMap<>(nanos).forEach((k, v) -> b.append(String.format("    %-38s %8.1f s%n", k, v.sum() / 1e9)));
        System.out.println(b);
    }

    // ---- the checks every answer must pass ----------------------------------------------------

    APIGatewayV2HTTPResponse send(String route, APIGatewayV2HTTPEvent event) {
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response = route.equals("POST /intakes")
                ? submit.handleRequest(event, LambdaContext.invocation("SubmitIntakeFunction", 29))
                : route.endsWith(" /diary") || route.endsWith(" /diary/entries")
                ? diary.handleRequest(event, LambdaContext.invocation("DiaryFunction", 29))
                : route.equals(io.spineintake.priorauthpdf.PriorAuthPdfHandler.PDF)
                ? pdf.handleRequest(event, LambdaContext.invocation("PriorAuthPdfFunction", 29))
                : triage.handleRequest(event, LambdaContext.invocation("TriageApiFunction", 29));
        int status = response.getStatusCode();
        nanos.computeIfAbsent(route + " " + (status / 100) + "xx", k -> new java.util.concurrent.atomic.LongAdder())
                .add(System.nanoTime() - start);
        counts.computeIfAbsent(route, k -> new java.util.concurrent.ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
        String etag = response.getHeaders() == null ? null : response.getHeaders().get("ETag");
        if (etag != null && event.getPathParameters() != null) {
            etags.put(event.getPathParameters().get("id"), etag);
        }
        String body = response.getBody() == null ? "" : response.getBody();
        String what = route + " answered " + status + " to " + describe(event) + ": " + body;
        assertThat(status).as(what).isBetween(200, 499);
        assertThat(LEAK.matcher(body).find()).as("a class name or stack trace in " + what).isFalse();
        if (status >= 400) {
            assertThat(response.getHeaders().get("Content-Type")).as(what).isEqualTo("application/problem+json");
            JsonNode problem = readJson(body, what);
            assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
            assertThat(problem.path("type").asText()).as(what).isNotEmpty();
            assertThat(problem.path("title").asText()).as(what).isNotEmpty();
        } else if (status == 204) {
            assertThat(body).as(what).isEmpty();
        } else if (route.equals(io.spineintake.priorauthpdf.PriorAuthPdfHandler.PDF)) {
            assertThat(response.getHeaders().get("Content-Type")).as(what).isEqualTo("application/pdf");
            assertThat(response.getIsBase64Encoded()).as(what).isTrue();
            assertThat(new String(java.util.Base64.getDecoder().decode(body), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .as(route + " answered a PDF").isEqualTo("%PDF-");
        } else {
            assertThat(response.getHeaders().get("Content-Type")).as(what).isEqualTo(
                    route.equals(TriageApiHandler.FHIR_BUNDLE) || route.equals(TriageApiHandler.FHIR_QUESTIONNAIRE)
                            ? TriageApiHandler.FHIR_JSON : "application/json");
            readJson(body, what);
        }
        return response;
    }

    static JsonNode readJson(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + what, e);
        }
    }

    static String describe(APIGatewayV2HTTPEvent e) {
        String body = e.getBody() == null ? "" : e.getBody();
        return e.getRouteKey() + " path=" + e.getRawPath() + " query=" + e.getRawQueryString() + " headers="
                + e.getHeaders() + " base64=" + e.getIsBase64Encoded() + " body=" + (body.length() > 300
                ? body.substring(0, 300) + "..." : body);
    }

    /** Runs {@code one} for request numbers 0..n-1 on {@value #THREADS} threads, each with its own seeded Random. */
    void fuzz(long salt, java.util.function.BiConsumer<Random, Integer> one) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(THREADS);
        try {
            List<java.util.concurrent.Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Random r = new Random(seed ^ salt ^ (0x9E3779B97F4A7C15L * (t + 1)));
                threads.add(pool.submit(() -> {
                    for (int i = thread; i < requests; i += THREADS) {
                        one.accept(r, i);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : threads) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- POST /intakes ---------------------------------------------------------------------------

    @Test
    void submitIntake() {
        int before = count(aws.intakesTable());
        java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        fuzz(1, (r, i) -> {
            APIGatewayV2HTTPEvent e = event("POST /intakes", "/intakes", null);
            byte[] body = intakeBody(r);
            setBody(e, r, body);
            e.getHeaders().put("content-type", pick(r, 40, "application/json", "application/json; charset=utf-8",
                    "application/json; charset=iso-8859-1", "text/plain", "application/json;charset=UTF-16", "", "json"));
            if (r.nextInt(3) > 0) {
                e.getHeaders().put("idempotency-key", r.nextInt(20) == 0 ? hostileString(r) : UUID.randomUUID().toString());
            }
            hostileTarget(r, e);
            APIGatewayV2HTTPResponse a = send("POST /intakes", e);
            if (a.getStatusCode() == 201 && "false".equals(a.getHeaders().get("Idempotent-Replayed"))) {
                created.incrementAndGet();
            }
        });
        assertThat(count(aws.intakesTable())).as("intakes stored: one per 201, none for a refusal")
                .isEqualTo(before + created.get());
    }

    byte[] intakeBody(Random r) {
        int kind = r.nextInt(100);
        if (kind < 15) {
            JsonNode form = generate(schema, r, 0); // valid by the schema
            return bytes(r.nextInt(5) > 0 ? consistent(form, r) : form); // and mostly by the cross-checks too
        }
        if (kind < 85) {
            JsonNode form = generate(schema, r, 0);
            for (int m = 1 + r.nextInt(3); m > 0; m--) {
                form = mutate(form, r);
            }
            return bytes(form);
        }
        return garbage(r);
    }

    /** A value valid by {@code s} (a schema node), resolving $ref against the root schema. */
    JsonNode generate(JsonNode s, Random r, int depth) {
        if (s.has("$ref")) {
            return generate(schema.at(s.get("$ref").asText().substring(1)), r, depth);
        }
        if (s.has("const")) {
            return s.get("const");
        }
        if (s.has("enum")) {
            JsonNode values = s.get("enum");
            return values.get(r.nextInt(values.size()));
        }
        List<String> types = new ArrayList<>();
        JsonNode type = s.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText("object"));
        }
        String t = types.size() > 1 && types.contains("null") && r.nextInt(6) == 0 ? "null"
                : types.stream().filter(x -> !x.equals("null")).findFirst().orElse("null");
        switch (t) {
            case "null":
                return NODES.nullNode();
            case "integer": {
                int min = s.path("minimum").asInt(0);
                int max = s.path("maximum").asInt(min + 1000);
                return NODES.numberNode(min + r.nextInt(max - min + 1));
            }
            case "boolean":
                return NODES.booleanNode(r.nextBoolean());
            case "string":
                return NODES.textNode(validString(s, r));
            case "array": {
                ArrayNode a = NODES.arrayNode();
                int n = s.path("minItems").asInt(0) + r.nextInt(Math.max(1, s.path("maxItems").asInt(3)
                        - s.path("minItems").asInt(0) + 1));
                for (int i = 0; i < n; i++) {
                    a.add(generate(s.get("items"), r, depth + 1));
                }
                return a;
            }
            default: {
                ObjectNode o = NODES.objectNode();
                List<String> required = new ArrayList<>();
                s.path("required").forEach(x -> required.add(x.asText()));
                JsonNode anyOf = s.path("anyOf");
                if (anyOf.isArray() && !anyOf.isEmpty()) {
                    anyOf.get(r.nextInt(anyOf.size())).path("required").forEach(x -> required.add(x.asText()));
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (required.contains(p.getKey()) || r.nextInt(10) < 7) {
                        JsonNode v = generate(p.getValue(), r, depth + 1);
                        if (required.contains(p.getKey()) && v.isNull()) {
                            v = generate(p.getValue(), r, depth + 1);
                            if (v.isNull()) {
                                continue;
                            }
                        }
                        o.set(p.getKey(), v);
                    }
                }
                return o;
            }
        }
    }

    /** The checks after the schema (FormContract.crossCheck): regions once each, main region among them, spread of its region. */
    static JsonNode consistent(JsonNode form, Random r) {
        ObjectNode pain = (ObjectNode) form.get("pain");
        ArrayNode regions = (ArrayNode) pain.get("regions");
        List<String> names = new ArrayList<>(List.of("CERVICAL", "THORACIC", "LUMBAR"));
        java.util.Collections.shuffle(names, r);
        Map<String, List<String>> spreads = Map.of(
                "LUMBAR", List.of("SPINE_ONLY", "BUTTOCK", "THIGH_ABOVE_KNEE", "BELOW_KNEE", "FOOT"),
                "CERVICAL", List.of("SPINE_ONLY", "SHOULDER", "UPPER_ARM", "BELOW_ELBOW", "HAND"),
                "THORACIC", List.of("SPINE_ONLY", "AROUND_CHEST"));
        for (int i = 0; i < regions.size(); i++) {
            ObjectNode region = (ObjectNode) regions.get(i);
            region.put("region", names.get(i));
            if (region.has("spread") && !region.get("spread").isNull()) {
                List<String> allowed = spreads.get(names.get(i));
                region.put("spread", allowed.get(r.nextInt(allowed.size())));
            }
        }
        if (pain.has("mainRegion") && !pain.get("mainRegion").isNull()) {
            pain.put("mainRegion", names.get(r.nextInt(regions.size())));
        }
        return form;
    }

    static String validString(JsonNode s, Random r) {
        String format = s.path("format").asText("");
        String pattern = s.path("pattern").asText("");
        if (format.equals("date")) {
            return LocalDate.of(1930, 1, 1).plusDays(r.nextInt(365 * 75)).toString();
        }
        if (format.equals("email")) {
            return "fuzz" + r.nextInt(100_000) + "@example.org";
        }
        if (pattern.startsWith("^\\+?[0-9(]")) {
            return "+1 555 01" + (10 + r.nextInt(89));
        }
        if (pattern.startsWith("^[A-Za-z0-9][A-Za-z0-9 -]")) {
            return "P" + r.nextInt(99_999);
        }
        if (pattern.startsWith("^[A-Za-z]{2,3}")) {
            return pick(r, 0, "en", "es", "pt-BR", "zh-Hant");
        }
        String[] words = {"Zoë", "Ñandú", "O'Brien", "李", "Smith", "\u05E9\u05DC\u05D5\u05DD", "😀", "Ann-Marie"};
        StringBuilder b = new StringBuilder(words[r.nextInt(words.length)]);
        for (int i = r.nextInt(3); i > 0; i--) {
            b.append(' ').append(words[r.nextInt(words.length)]);
        }
        int max = s.path("maxLength").asInt(200);
        return b.length() > max ? b.substring(0, max) : b.toString();
    }

    /** The document with one value replaced, removed or added: hostile where the schema is strict. */
    static JsonNode mutate(JsonNode doc, Random r) {
        JsonNode copy = doc.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collect(copy, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            int op = r.nextInt(4);
            if (op == 0 || names.isEmpty()) {
                o.set(r.nextInt(4) == 0 ? hostileString(r) : "extra" + r.nextInt(9), hostileValue(r));
            } else if (op == 1) {
                o.remove(names.get(r.nextInt(names.size())));
            } else {
                o.set(names.get(r.nextInt(names.size())), hostileValue(r));
            }
        } else if (target instanceof ArrayNode a) {
            if (a.isEmpty() || r.nextBoolean()) {
                a.add(hostileValue(r));
            } else {
                a.set(r.nextInt(a.size()), hostileValue(r));
            }
        }
        return copy;
    }

    static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.elements().forEachRemaining(c -> collect(c, out));
        }
    }

    static JsonNode hostileValue(Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode(hostileString(r));
            case 2 -> NODES.numberNode(r.nextLong());
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 5 -> NODES.numberNode(3.5);
            case 6 -> NODES.booleanNode(r.nextBoolean());
            case 7 -> NODES.arrayNode().add(NODES.textNode("YES"));
            case 8 -> NODES.objectNode().put("x", 1);
            case 9 -> NODES.textNode("YES");
            case 10 -> NODES.textNode("9999-99-99");
            case 11 -> NODES.textNode("x".repeat(r.nextInt(5000)));
            case 12 -> NODES.textNode("LUMBAR");
            default -> NODES.textNode("");
        };
    }

    static String hostileString(Random r) {
        return pick(r, 0, "\u0000", "\t\n", "\u001b[2J", "\uFFFD", "\uD800", "%ZZ", "<script>alert(1)</script>",
                "'; DROP TABLE intakes;--", "${jndi:ldap://x}", "../../etc/passwd", "\u202Eevil", "\u200B",
                "{{7*7}}", "null", "NaN", " ", "\\", "\"", "e\u0301", "😀".repeat(50), "ｃｏｏｒｄｉｎａｔｏｒｓ");
    }

    static byte[] garbage(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> {
                byte[] b = new byte[1 + r.nextInt(2000)];
                r.nextBytes(b);
                yield b;
            }
            case 2 -> "[".repeat(1 + r.nextInt(3000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> "{\"patient\":".getBytes(StandardCharsets.UTF_8);
            case 4 -> "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
            case 5 -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
            case 6 -> "{}".getBytes(StandardCharsets.UTF_16);
            default -> ("{\"notes\":\"" + "é".repeat(r.nextInt(40_000)) + "\"}").getBytes(StandardCharsets.UTF_8);
        };
    }

    // ---- blocks and the patient's diary -------------------------------------------------------

    /** Diary capabilities issued during the run (real ones, live, replaced or revoked) and the episodes they belong to. */
    final List<String> tokens = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String[]> episodes = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void blocksDiaryLinksAndTheDiary() {
        int blocksBefore = count(aws.blocksTable());
        java.util.concurrent.atomic.AtomicInteger recorded = new java.util.concurrent.atomic.AtomicInteger();
        fuzz(6, (r, i) -> {
            String id = id(r);
            // revoking is rarer than the rest, so that some links live long enough for entries to be written
            String route = r.nextInt(12) == 0 ? TriageApiHandler.REVOKE_DIARY_LINK : pick(r, 0, TriageApiHandler.RECORD_BLOCK,
                    TriageApiHandler.RECORD_BLOCK, TriageApiHandler.BLOCKS, TriageApiHandler.ISSUE_DIARY_LINK, "GET /diary",
                    "POST /diary/entries", "POST /diary/entries", "POST /diary/entries");
            APIGatewayV2HTTPEvent e;
            if (route.contains("/diary") && !route.contains("diary-link")) {
                e = event(route, route.substring(route.indexOf(' ') + 1), null);
                String token = tokens.isEmpty() || r.nextInt(4) == 0
                        ? pick(r, 0, "A".repeat(43), "", "x", hostileString(r), "%ZZ", "A".repeat(4000))
                        : tokens.get(r.nextInt(tokens.size()));
                if (r.nextInt(10) > 0) {
                    e.getHeaders().put("authorization", pick(r, 8, "Diary ", "Bearer ", "diary ", "Diary  ", "") + token);
                }
                if (route.startsWith("POST")) {
                    if (r.nextInt(8) > 0) {
                        e.getHeaders().put("idempotency-key", pick(r, 6, "key-" + r.nextInt(50), "", " ", "k".repeat(300),
                                hostileString(r)));
                    }
                    e.getHeaders().put("content-type", pick(r, 10, "application/json", "text/plain"));
                    setBody(e, r, diaryEntryBody(r));
                }
            } else {
                String[] episode = episodes.isEmpty() || r.nextInt(3) == 0 ? null : episodes.get(r.nextInt(episodes.size()));
                if (episode != null && !route.equals(TriageApiHandler.RECORD_BLOCK)) {
                    id = episode[0];
                }
                String episodeId = episode != null ? episode[1] : pick(r, 0, UUID.randomUUID().toString(), "%ZZ", hostileString(r));
                String path = route.substring(route.indexOf(' ') + 1).replace("{id}", id).replace("{episodeId}", episodeId);
                e = event(route, path, r.nextInt(5) == 0 ? claims(r) : fuzzer(r));
                e.setPathParameters(new HashMap<>(route.contains("{episodeId}") ? Map.of("id", id, "episodeId", episodeId)
                        : Map.of("id", id)));
                if (route.equals(TriageApiHandler.RECORD_BLOCK)) {
                    e.getHeaders().put("content-type", pick(r, 10, "application/json", "text/plain"));
                    setBody(e, r, blockBody(r));
                }
            }
            hostileTarget(r, e);
            APIGatewayV2HTTPResponse a = send(route, e);
            if (a.getStatusCode() == 201 && route.equals(TriageApiHandler.RECORD_BLOCK)) {
                recorded.incrementAndGet();
                episodes.add(new String[] {e.getPathParameters().get("id"), readJson(a.getBody(), route).path("episodeId").asText()});
            }
            if (a.getStatusCode() == 201 && route.equals(TriageApiHandler.ISSUE_DIARY_LINK)) {
                tokens.add(readJson(a.getBody(), route).path("token").asText());
            }
            if (route.contains("/diary") && !route.contains("diary-link")) {
                // whatever the diary answered, never a name, a date of birth or a contact
                assertThat(a.getBody()).as(describe(e)).doesNotContain("dateOfBirth", "\"phone\"", "\"email\"",
                        "\"name\"", "postcode");
            }
        });
        assertThat(recorded.get()).as("valid blocks were recorded, so the later routes reached their writes").isPositive();
        assertThat(tokens).as("diary links were issued and fuzzed").isNotEmpty();
        assertThat(count(aws.blocksTable())).isGreaterThanOrEqualTo(blocksBefore + recorded.get());
    }

    static byte[] blockBody(Random r) {
        if (r.nextInt(6) == 0) {
            return garbage(r);
        }
        ObjectNode b = JSON.createObjectNode();
        if (r.nextInt(3) == 0) { // a block as a coordinator records it, so that links and entries follow
            b.put("endedAt", Instant.now().minus(Duration.ofMinutes(r.nextInt(20))).toString());
            b.put("region", "LUMBAR").put("side", "LEFT").put("anaesthetic", pick(r, 0, "LIDOCAINE", "BUPIVACAINE"))
                    .put("diagnosticBlock", pick(r, 0, "FIRST", "SECOND")).put("baselineNrs", 1 + r.nextInt(10));
            b.putArray("levels").add("L4-L5");
            return bytes(b);
        }
        if (r.nextInt(12) > 0) {
            b.put("endedAt", pick(r, 10, Instant.now().minus(Duration.ofMinutes(r.nextInt(r.nextInt(4) == 0 ? 3000 : 20))).toString(), "yesterday",
                    "2026-13-01T00:00:00Z", Instant.now().plus(Duration.ofDays(2)).toString(), ""));
        }
        if (r.nextInt(12) > 0) {
            b.put("region", pick(r, 8, "LUMBAR", "CERVICAL", "THORACIC", "SACRAL", "lumbar", ""));
        }
        if (r.nextInt(12) > 0) {
            ArrayNode levels = b.putArray("levels");
            for (int n = pick(r, 6, 1, 2, 0, 3); n > 0; n--) {
                levels.add(pick(r, 6, "L4-L5", "L5-S1", "L3-L4", "C5-C6", "L4-L5", "X9", ""));
            }
        }
        if (r.nextInt(12) > 0) {
            b.put("side", pick(r, 6, "LEFT", "RIGHT", "BOTH", "CENTRAL", "left"));
        }
        if (r.nextInt(12) > 0) {
            b.put("anaesthetic", pick(r, 6, "LIDOCAINE", "BUPIVACAINE", "UNKNOWN", "saline"));
        }
        if (r.nextInt(12) > 0) {
            b.put("diagnosticBlock", pick(r, 6, "FIRST", "SECOND", "THIRD"));
        }
        if (r.nextInt(12) > 0) {
            switch (r.nextInt(8)) {
                case 0 -> b.put("baselineNrs", "2-8");
                case 1 -> b.put("baselineNrs", 6.5);
                case 2 -> b.put("baselineNrs", pick(r, 0, 0, 11, -1, Integer.MAX_VALUE));
                default -> b.put("baselineNrs", 1 + r.nextInt(10));
            }
        }
        if (r.nextInt(15) == 0) {
            b.put("bogus", hostileString(r));
        }
        return bytes(b);
    }

    static byte[] diaryEntryBody(Random r) {
        if (r.nextInt(6) == 0) {
            return garbage(r);
        }
        ObjectNode b = JSON.createObjectNode();
        if (r.nextInt(10) > 0) {
            b.put("timePoint", pick(r, 6, 15, 30, 60, 90, 120, 240, 360, 480, 720, 1440, 0, 7, -15, 99999));
        }
        if (r.nextInt(10) > 0) {
            switch (r.nextInt(8)) {
                case 0 -> b.put("nrs", "3-5");
                case 1 -> b.put("nrs", 2.5);
                case 2 -> b.put("nrs", pick(r, 0, -1, 11, 1000));
                default -> b.put("nrs", r.nextInt(11));
            }
        }
        if (r.nextBoolean()) {
            ArrayNode movements = b.putArray("movements");
            for (int n = r.nextInt(4); n > 0; n--) {
                ObjectNode m = movements.addObject();
                m.put("movement", pick(r, 4, "BENDING_BACKWARD", "TWISTING", "STANDING", "FLYING", ""));
                if (r.nextInt(6) > 0) {
                    m.put("tried", r.nextBoolean());
                }
                if (r.nextBoolean()) {
                    m.put("change", pick(r, 4, "EASIER", "SAME", "HARDER", "MUCH_BETTER"));
                }
            }
        }
        return bytes(b);
    }

    // ---- the coordinator routes --------------------------------------------------------------

    @Test
    void worklist() {
        fuzz(2, (r, i) -> {
            APIGatewayV2HTTPEvent e = event(TriageApiHandler.LIST, "/referrals", claims(r));
            Map<String, String> q = new LinkedHashMap<>();
            for (int n = r.nextInt(4); n > 0; n--) {
                String name = pick(r, 0, "status", "disposition", "region", "tier", "assignee", "limit", "cursor", "bogus");
                q.put(name, switch (name) {
                    case "status" -> pick(r, 3, "NEW", "IN_REVIEW", "WAITING_FOR_PATIENT", "DECIDED");
                    case "disposition" -> pick(r, 3, "EMERGENCY", "URGENT_REVIEW", "CONSULT");
                    case "region" -> pick(r, 3, "CERVICAL", "THORACIC", "LUMBAR");
                    case "tier" -> pick(r, 3, "HIGH", "MODERATE", "LOW");
                    case "assignee" -> pick(r, 3, "fuzzer", "alice.ng");
                    case "limit" -> pick(r, 3, "1", "25", "100", "0", "101", "-1", "1e2", "99999999999");
                    case "cursor" -> cursor(r);
                    default -> hostileString(r);
                });
            }
            e.setQueryStringParameters(q.isEmpty() ? null : q);
            e.setRawQueryString(rawQuery(q));
            hostileTarget(r, e);
            APIGatewayV2HTTPResponse a = send(TriageApiHandler.LIST, e);
            if (a.getStatusCode() == 200) {
                JsonNode next = readJson(a.getBody(), "list").path("nextCursor");
                if (next.isTextual() && cursors.size() < 200) {
                    cursors.add(next.asText());
                }
            }
        });
    }

    String cursor(Random r) {
        if (cursors.isEmpty() || r.nextInt(3) == 0) {
            return pick(r, 0, "", "garbage", "e30", "e30.AAAA", "%", hostileString(r), "x".repeat(2000));
        }
        String c = cursors.get(r.nextInt(cursors.size()));
        return switch (r.nextInt(4)) {
            case 0 -> c;
            case 1 -> c.substring(0, r.nextInt(c.length()));
            case 2 -> {
                char[] chars = c.toCharArray();
                int at = r.nextInt(chars.length);
                chars[at] = chars[at] == 'A' ? 'B' : 'A';
                yield new String(chars);
            }
            default -> Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"v\":1,\"asOf\":\"2020-01-01T00:00:00.000Z\",\"seg\":" + r.nextInt(40) + ",\"f\":\"x\"}")
                            .getBytes(StandardCharsets.UTF_8)) + c.substring(c.indexOf('.') < 0 ? 0 : c.indexOf('.'));
        };
    }

    @Test
    void statsAndDetail() {
        fuzz(3, (r, i) -> {
            APIGatewayV2HTTPEvent stats = event(TriageApiHandler.STATS, "/referrals/stats", claims(r));
            hostileTarget(r, stats);
            if (i % 20 == 0) { // stats scan the table: every 20th request is enough to find a crash
                send(TriageApiHandler.STATS, stats);
            }
            String id = id(r);
            APIGatewayV2HTTPEvent detail = event(TriageApiHandler.DETAIL, "/referrals/" + id, claims(r));
            detail.setPathParameters(new HashMap<>(Map.of("id", id)));
            hostileTarget(r, detail);
            send(TriageApiHandler.DETAIL, detail);
        });
    }

    @Test
    void fhirExportAndQuestionnaire() {
        Map<String, Integer> exported = new java.util.concurrent.ConcurrentHashMap<>();
        fuzz(6, (r, i) -> {
            if (i % 10 == 0) {
                APIGatewayV2HTTPEvent q = event(TriageApiHandler.FHIR_QUESTIONNAIRE, "/fhir/Questionnaire/intake", claims(r));
                hostileTarget(r, q);
                send(TriageApiHandler.FHIR_QUESTIONNAIRE, q);
            }
            String id = id(r);
            APIGatewayV2HTTPEvent e = event(TriageApiHandler.FHIR_BUNDLE, "/referrals/" + id + "/fhir",
                    r.nextBoolean() ? claims(r) : fuzzer(r));
            e.setPathParameters(new HashMap<>(Map.of("id", id)));
            hostileTarget(r, e);
            APIGatewayV2HTTPResponse a = send(TriageApiHandler.FHIR_BUNDLE, e);
            if (a.getStatusCode() == 200) {
                JsonNode bundle = readJson(a.getBody(), "fhir");
                assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
                assertThat(bundle.path("type").asText()).isEqualTo("collection");
                exported.merge(id, 1, Integer::sum);
            }
        });
        assertThat(exported).as("known referrals were exported").isNotEmpty();
    }

    @Test
    void priorAuthorizationPacketAndItsPdf() {
        Map<String, Integer> packets = new java.util.concurrent.ConcurrentHashMap<>();
        String[] regions = {"lumbar", "LUMBAR", "cervical", "thoracic", "sacral", "", "lumbar/../cervical", "%2e%2e"};
        fuzz(6, (r, i) -> {
            String id = id(r);
            String region = r.nextInt(4) == 0 ? hostileString(r) : regions[r.nextInt(regions.length)];
            boolean asPdf = i % 8 == 0; // the PDF is the dearer route: fewer requests
            String route = asPdf ? io.spineintake.priorauthpdf.PriorAuthPdfHandler.PDF : TriageApiHandler.PRIOR_AUTH;
            String path = "/referrals/" + id + "/prior-auth/" + region + (asPdf ? "/pdf" : "");
            APIGatewayV2HTTPEvent e = event(route, path, r.nextBoolean() ? claims(r) : fuzzer(r));
            Map<String, String> params = new HashMap<>();
            params.put("id", id);
            if (r.nextInt(20) != 0) {
                params.put("region", region);
            }
            e.setPathParameters(params);
            hostileTarget(r, e);
            APIGatewayV2HTTPResponse a = send(route, e);
            if (a.getStatusCode() == 200 && !asPdf) {
                JsonNode packet = readJson(a.getBody(), "packet");
                assertThat(packet.path("criteria").isArray()).as("a packet has its criteria: " + a.getBody()).isTrue();
                packets.merge(id, 1, Integer::sum);
            }
        });
        assertThat(packets).as("known referrals' packets were answered").isNotEmpty();
    }

    @Test
    void claimReleaseAndDecide() {
        Map<String, long[]> before = snapshot();
        Map<String, Integer> changes = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Integer> views = new java.util.concurrent.ConcurrentHashMap<>();
        fuzz(4, (r, i) -> {
            String id = id(r);
            String route = pick(r, 0, TriageApiHandler.CLAIM, TriageApiHandler.RELEASE, TriageApiHandler.DECISION,
                    TriageApiHandler.DECISION);
            String path = route.substring(route.indexOf(' ') + 1).replace("{id}", id);
            APIGatewayV2HTTPEvent e = event(route, path, r.nextInt(4) == 0 ? claims(r) : fuzzer(r));
            e.setPathParameters(new HashMap<>(Map.of("id", id)));
            if (route.equals(TriageApiHandler.DECISION)) {
                if (r.nextBoolean()) { // claim first, as a coordinator would, so decisions reach their write
                    APIGatewayV2HTTPEvent claim = event(TriageApiHandler.CLAIM, path.replace("/decision", "/claim"),
                            e.getRequestContext().getAuthorizer() == null ? null
                                    : e.getRequestContext().getAuthorizer().getJwt().getClaims());
                    claim.setPathParameters(new HashMap<>(Map.of("id", id)));
                    if (send(TriageApiHandler.CLAIM, claim).getStatusCode() == 200) {
                        changes.merge(id, 1, Integer::sum);
                    }
                }
                if (r.nextInt(4) > 0 && etags.containsKey(id)) {
                    e.getHeaders().put("if-match", etags.get(id));
                } else if (r.nextInt(6) > 0) {
                    e.getHeaders().put("if-match", pick(r, 0, "\"1\"", "\"2\"", "\"3\"", "\"4\"", "\"5\"", "2", "W/\"2\"", "*",
                            "\"2\", \"3\"", "\"0\"", "\"99999999999999999999\""));
                }
                e.getHeaders().put("content-type", pick(r, 10, "application/json", "text/plain",
                        "application/json; charset=latin1"));
                setBody(e, r, decisionBody(r));
            }
            hostileTarget(r, e);
            APIGatewayV2HTTPResponse a = send(route, e);
            if (a.getStatusCode() == 200) {
                changes.merge(id, 1, Integer::sum);
            }
            if (i % 500 == 0) {
                APIGatewayV2HTTPEvent view = event(TriageApiHandler.DETAIL, "/referrals/" + id, fuzzer(r));
                view.setPathParameters(new HashMap<>(Map.of("id", id)));
                if (send(TriageApiHandler.DETAIL, view).getStatusCode() == 200) {
                    views.merge(id, 1, Integer::sum);
                }
            }
        });
        // a refused request changed nothing: each version step and audit entry is a 200's
        Map<String, long[]> after = snapshot();
        before.forEach((id, was) -> {
            long[] now = after.get(id);
            int changed = changes.getOrDefault(id, 0);
            assertThat(now[0] - was[0]).as("version steps of %s", id).isEqualTo(changed);
            assertThat(now[1] - was[1]).as("audit entries of %s", id).isEqualTo(changed + views.getOrDefault(id, 0));
        });
    }

    byte[] decisionBody(Random r) {
        if (r.nextInt(8) == 0) {
            return garbage(r);
        }
        ObjectNode d = NODES.objectNode();
        if (r.nextInt(8) > 0) {
            d.set("outcome", r.nextInt(6) == 0 ? hostileValue(r) : NODES.textNode(pick(r, 0, "SCHEDULE_CONSULT",
                    "NEEDS_MORE_INFORMATION", "CONSERVATIVE_CARE_FIRST", "OTHER_PATHWAY", "ESCALATE_TO_URGENT",
                    "REFERRED_TO_EMERGENCY_CARE", "DECLINED", "schedule_consult")));
        }
        if (r.nextBoolean()) {
            d.set("note", r.nextInt(4) == 0 ? hostileValue(r) : NODES.textNode("Fuzz note " + r.nextInt(1000)));
        }
        if (r.nextInt(3) == 0) {
            d.set("overrideDisposition", r.nextInt(5) == 0 ? hostileValue(r) : NODES.textNode(pick(r, 0, "EMERGENCY",
                    "URGENT_REVIEW", "OTHER_PATHWAY", "CONSERVATIVE_CARE_FIRST", "CONSULT")));
        }
        if (r.nextInt(3) == 0) {
            d.set("reason", r.nextInt(5) == 0 ? hostileValue(r) : NODES.textNode("Fuzz reason"));
        }
        if (r.nextInt(10) == 0) {
            d.set(hostileString(r), hostileValue(r));
        }
        return bytes(d);
    }

    /** Version and audit length of every referral. */
    Map<String, long[]> snapshot() {
        Map<String, long[]> s = new HashMap<>();
        referrals.forEach(rec -> s.put(rec.referralId(), new long[] {rec.version(), referrals.trail(rec).size()}));
        return s;
    }

    // ---- request pieces ---------------------------------------------------------------------

    String id(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> hostileString(r);
            case 2 -> "%ZZ";
            case 3 -> referralIds.get(r.nextInt(referralIds.size())).toUpperCase(java.util.Locale.ROOT);
            default -> referralIds.get(r.nextInt(referralIds.size()));
        };
    }

    /** Claims as the authorizer passes them: mostly a coordinator, sometimes hostile groups or names. */
    static Map<String, String> claims(Random r) {
        Map<String, String> c = new HashMap<>();
        c.put("cognito:username", pick(r, 30, "alice.ng", "bob.okafor", " ", "x".repeat(300), "a\u0000b", hostileString(r)));
        c.put("cognito:groups", pick(r, 30, "[coordinators]", "[admins coordinators]", "coordinators", "[coordinators,x]",
                "[\"coordinators\"]", "[]", "", "[Coordinators]", hostileString(r)));
        if (r.nextInt(30) == 0) {
            c.clear();
        }
        return c;
    }

    static Map<String, String> fuzzer(Random r) {
        return new HashMap<>(Map.of("cognito:username", r.nextInt(5) == 0 ? "other.coordinator" : "fuzzer",
                "cognito:groups", "[coordinators]"));
    }

    static void setBody(APIGatewayV2HTTPEvent e, Random r, byte[] body) {
        boolean base64 = r.nextInt(5) == 0;
        if (base64) {
            e.setBody(Base64.getEncoder().encodeToString(body));
        } else {
            // as API Gateway passes a text body: decoded as UTF-8, U+FFFD where bytes were not UTF-8
            e.setBody(body.length == 0 && r.nextBoolean() ? null : new String(body, StandardCharsets.UTF_8));
        }
        e.setIsBase64Encoded(base64 && r.nextInt(20) > 0);
    }

    /** Sometimes a malformed escape or junk in the path or query string, as API Gateway passes them through. */
    static void hostileTarget(Random r, APIGatewayV2HTTPEvent e) {
        int k = r.nextInt(25);
        if (k == 0) {
            e.setRawPath(e.getRawPath() + "%ZZ");
        } else if (k == 1) {
            e.setRawQueryString((e.getRawQueryString() == null ? "" : e.getRawQueryString() + "&") + "x=%");
        } else if (k == 2) {
            e.getHeaders().put("content-type", hostileString(r));
        }
    }

    static String rawQuery(Map<String, String> q) {
        StringBuilder b = new StringBuilder();
        q.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static final AtomicLong REQUESTS = new AtomicLong();

    static APIGatewayV2HTTPEvent event(String routeKey, String path, Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(routeKey).withRequestId("fuzz-" + REQUESTS.incrementAndGet()).withStage("$default")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(routeKey.substring(0, routeKey.indexOf(' '))).withPath(path).build());
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(claims).withScopes(null).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withRawQueryString("").withHeaders(new HashMap<>()).withRequestContext(context.build()).build();
    }

    @SafeVarargs
    static <T> T pick(Random r, int weightOfFirst, T... values) {
        // the first value is weightOfFirst times as likely as each of the others (0: all equal)
        int total = values.length - 1 + Math.max(1, weightOfFirst);
        int i = r.nextInt(total);
        return i < Math.max(1, weightOfFirst) ? values[0] : values[i - Math.max(1, weightOfFirst) + 1];
    }

    static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int count(String table) {
        return aws.clients().dynamoDb().scanPaginator(b -> b.tableName(table).select("COUNT")).stream()
                .mapToInt(p -> p.count()).sum();
    }
}
