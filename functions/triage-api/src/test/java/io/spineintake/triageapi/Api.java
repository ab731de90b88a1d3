package io.spineintake.triageapi;

import io.spineintake.platform.Timestamps;
import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.local.backends.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.intakes.RoutingState;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.assess.Assessment;
import io.spineintake.triage.form.FormContract;
import io.spineintake.triage.form.FormReading;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One test class's API: the real handler and service on this class's dynalite tables, a hand-moved
 * clock, helpers that make referrals the way ReferralCreation does and events the way API Gateway
 * sends them (with the JWT authorizer's claims).
 */
final class Api {
    static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(30);
    static final String FUNCTION = "TriageApiFunction";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FORM_RESOURCE = "/forms/worklist-patient.json";
    /** The test's cursor key (the stack generates its own secret). */
    static final byte[] CURSOR_KEY = "test-worklist-cursor-key-of-32-bytes-or-more".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static final AtomicLong UNIQUE = new AtomicLong();

    final LocalAws aws;
    final TestClock clock;
    final ReferralRepository referrals;
    final IntakeRepository intakes;
    final ReferralService service;
    final io.spineintake.platform.blocks.BlockRepository blocks;
    final BlockService blockService;
    final io.spineintake.platform.priorauth.PriorAuthPackets packets;
    final TriageApiHandler handler;

    Api(LocalAws aws) {
        this(aws, new TestClock(T0));
    }

    Api(LocalAws aws, TestClock clock) {
        this.aws = aws;
        this.clock = clock;
        this.referrals = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
        this.intakes = new IntakeRepository(aws.clients(), aws.intakesTable());
        this.service = new ReferralService(referrals, intakes, clock, LEASE, CURSOR_KEY,
                new io.spineintake.platform.ClinicMetrics(aws.config()));
        this.blocks = new io.spineintake.platform.blocks.BlockRepository(aws.clients(), aws.blocksTable());
        this.blockService = new BlockService(referrals, blocks, io.spineintake.triage.rules.BlockRuleFile.bundled(),
                java.time.ZoneId.of("America/New_York"), clock);
        this.packets = new io.spineintake.platform.priorauth.PriorAuthPackets(referrals, intakes, blocks,
                TriageEngine.fromEnvironment(Map.of()), io.spineintake.triage.rules.BlockRuleFile.bundled(),
                io.spineintake.triage.priorauth.ProcedureCodes.NONE, java.time.ZoneId.of("America/New_York"), clock);
        this.handler = new TriageApiHandler(service, blockService, packets);
    }

    // ---- referrals -------------------------------------------------------------------------

    /** A referral's shape when made: as ReferralCreation writes it. */
    record Spec(String disposition, int flags, int score, String tier, String regions, Instant submitted, Instant due) {
        static Spec consult() {
            return new Spec("CONSULT", 0, 60, "MODERATE", "LUMBAR", T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(13)));
        }

        Spec disposition(String d) {
            return new Spec(d, flags, score, tier, regions, submitted, due);
        }

        Spec tier(String t) {
            return new Spec(disposition, flags, score, t, regions, submitted, due);
        }

        Spec regions(String r) {
            return new Spec(disposition, flags, score, tier, r, submitted, due);
        }

        Spec submitted(Instant s) {
            return new Spec(disposition, flags, score, tier, regions, s, due);
        }

        Spec due(Instant d) {
            return new Spec(disposition, flags, score, tier, regions, submitted, d);
        }

        Spec score(int s) {
            return new Spec(disposition, flags, s, tier, regions, submitted, due);
        }

        Spec flags(int f) {
            return new Spec(disposition, f, score, tier, regions, submitted, due);
        }
    }

    static int band(String disposition) {
        return Disposition.valueOf(disposition).band();
    }

    /** B-F-SSS-TTTTTTTTTTTTT, as the triage engine's PriorityKey writes it; submitted millis made unique. */
    static String priorityKey(Spec s) {
        long millis = s.submitted().toEpochMilli() + UNIQUE.incrementAndGet() % 1000;
        return String.format(Locale.ROOT, "%d-%d-%03d-%013d", band(s.disposition()), 9 - Math.min(s.flags(), 9),
                100 - s.score(), millis);
    }

    ReferralRecord create(Spec s) {
        return create(UUID.randomUUID().toString(), s, priorityKey(s));
    }

    ReferralRecord create(String id, Spec s, String priorityKey) {
        String created = Timestamps.of(clock.instant());
        ReferralRecord r = ReferralRecord.builder()
                .referralId(id)
                .intakeId(id)
                .status(ReferralStatus.NEW)
                .disposition(Disposition.valueOf(s.disposition()))
                .tier(io.spineintake.triage.assess.Tier.valueOf(s.tier()))
                .score(s.score())
                .regions(io.spineintake.platform.Regions.decode(s.regions()))
                .priorityKey(priorityKey)
                .submittedAt(Timestamps.of(s.submitted()))
                .createdAt(created)
                .dueAt(Timestamps.of(s.due()))
                .worklist(ReferralRecord.OPEN)
                .lastEntry(AuditEntry.builder().at(created).actor("system").action(AuditAction.CREATED)
                        .status(ReferralStatus.NEW).disposition(Disposition.valueOf(s.disposition())).version(1L).build())
                .build();
        assertThat(referrals.createIfAbsent(r)).isTrue();
        return r;
    }

    ReferralRecord get(String id) {
        return referrals.get(id).orElseThrow();
    }

    /** The referral's audit trail, oldest first, as the detail view reads it. */
    List<AuditEntry> audit(ReferralRecord r) {
        return referrals.trail(r);
    }

    /**
     * An assessed intake of the test form (the real contract and engine) and its referral, as
     * submit-intake and the consult-queue consumer would leave them.
     */
    ReferralRecord createWithIntake(String id) {
        return createWithIntake(id, formBytes());
    }

    /** As {@link #createWithIntake(String)}, with this form (e.g. a vignette). */
    ReferralRecord createWithIntake(String id, byte[] form) {
        FormContract contract = FormContract.load();
        FormReading reading = contract.read(form);
        assertThat(reading.isValid()).as("test form is valid: %s", reading.violations()).isTrue();
        Instant received = clock.instant().minus(Duration.ofHours(2));
        Assessment a = TriageEngine.fromEnvironment(Map.of()).assess(reading.form(), received);
        String assessmentJson;
        try {
            assessmentJson = contract.mapper().writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String regions = String.join(",", a.regions().stream().map(r -> r.region().name()).toList());
        assertThat(intakes.putIfAbsent(IntakeRecord.builder()
                .intakeId(id)
                .receivedAt(Timestamps.of(received))
                .requestHash("0".repeat(64))
                .formJson(contract.toJson(reading.form()))
                .assessmentJson(assessmentJson)
                .ruleSetVersion(a.ruleSetVersion())
                .disposition(a.disposition())
                .tier(a.tier())
                .score(a.score())
                .priorityKey(a.priorityKey())
                .routingState(RoutingState.ROUTED)
                .updatedAt(Timestamps.of(received))
                .regions(io.spineintake.platform.Regions.decode(regions))
                .build())).isTrue();
        Spec s = new Spec(a.disposition().name(), 0, a.score(), a.tier().name(), regions, received,
                received.plus(Duration.ofDays(14)));
        return create(id, s, a.priorityKey());
    }

    static byte[] formBytes() {
        try (InputStream in = Api.class.getResourceAsStream(FORM_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- requests --------------------------------------------------------------------------

    /** Claims of a coordinator, as the HTTP API's JWT authorizer passes them (all strings). */
    static Map<String, String> coordinator(String username) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", UUID.nameUUIDFromBytes(username.getBytes()).toString());
        claims.put("cognito:username", username);
        claims.put("cognito:groups", "[coordinators]");
        claims.put("token_use", "access");
        claims.put("scope", "aws.cognito.signin.user.admin");
        claims.put("iss", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE");
        return claims;
    }

    static APIGatewayV2HTTPEvent event(String routeKey, String id, Map<String, String> claims) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1).replace("{id}", id == null ? "" : id);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = claims == null ? null
                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(new HashMap<>(claims)).withScopes(null).build())
                        .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withHeaders(new HashMap<>(Map.of("accept", "application/json")))
                .withPathParameters(id == null ? null : new HashMap<>(Map.of("id", id)))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withRequestId(UUID.randomUUID().toString())
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(routeKey.substring(0, routeKey.indexOf(' '))).withPath(path).build())
                        .withAuthorizer(authorizer)
                        .build())
                .build();
    }

    /** The handler's answer: status, headers, body as a tree. */
    record Answer(int status, Map<String, String> headers, JsonNode body) {
        String etag() {
            return headers.get("ETag");
        }

        long version() {
            return body.path("version").asLong();
        }

        List<String> pointers() {
            return body.path("errors").findValuesAsText("pointer");
        }

        String type() {
            return body.path("type").asText();
        }
    }

    Answer call(APIGatewayV2HTTPEvent event) {
        return answer(handler.handleRequest(event, LambdaContext.invocation(FUNCTION, 10)));
    }

    static Answer answer(APIGatewayV2HTTPResponse r) {
        assertThat(r.getHeaders()).containsEntry("Cache-Control", "no-store");
        String type = r.getHeaders().get("Content-Type");
        assertThat(type).isIn("application/json", "application/problem+json");
        assertThat(type.equals("application/problem+json")).as("problem+json exactly for errors (%s)", r.getStatusCode())
                .isEqualTo(r.getStatusCode() >= 400);
        try {
            return new Answer(r.getStatusCode(), r.getHeaders(), JSON.readTree(r.getBody()));
        } catch (JsonProcessingException e) {
            throw new AssertionError("body is not JSON", e);
        }
    }

    Answer list(String user, Map<String, String> query) {
        APIGatewayV2HTTPEvent e = event(TriageApiHandler.LIST, null, coordinator(user));
        e.setQueryStringParameters(query == null ? null : new HashMap<>(query));
        return call(e);
    }

    Answer view(String user, String id) {
        return call(event(TriageApiHandler.DETAIL, id, coordinator(user)));
    }

    Answer claim(String user, String id) {
        return call(event(TriageApiHandler.CLAIM, id, coordinator(user)));
    }

    Answer release(String user, String id) {
        return call(event(TriageApiHandler.RELEASE, id, coordinator(user)));
    }

    Answer stats(String user) {
        return call(event(TriageApiHandler.STATS, null, coordinator(user)));
    }

    Answer decide(String user, String id, String ifMatch, String body) {
        APIGatewayV2HTTPEvent e = event(TriageApiHandler.DECISION, id, coordinator(user));
        e.getHeaders().put("content-type", "application/json");
        if (ifMatch != null) {
            e.getHeaders().put("if-match", ifMatch);
        }
        e.setBody(body);
        return call(e);
    }

    Answer decide(String user, String id, long version, Map<String, Object> decision) {
        return decide(user, id, "\"" + version + "\"", json(decision));
    }

    // ---- blocks ----------------------------------------------------------------------------

    Answer blocks(String user, String id) {
        return call(event(TriageApiHandler.BLOCKS, id, coordinator(user)));
    }

    Answer recordBlock(String user, String id, String body) {
        APIGatewayV2HTTPEvent e = event(TriageApiHandler.RECORD_BLOCK, id, coordinator(user));
        e.getHeaders().put("content-type", "application/json");
        e.setBody(body);
        return call(e);
    }

    Answer recordBlock(String user, String id, Map<String, Object> block) {
        return recordBlock(user, id, json(block));
    }

    APIGatewayV2HTTPEvent linkEvent(String route, String user, String id, String episodeId) {
        APIGatewayV2HTTPEvent e = event(route, id, coordinator(user));
        e.setRawPath(e.getRawPath().replace("{episodeId}", episodeId));
        e.getPathParameters().put("episodeId", episodeId);
        return e;
    }

    Answer issueLink(String user, String id, String episodeId) {
        return call(linkEvent(TriageApiHandler.ISSUE_DIARY_LINK, user, id, episodeId));
    }

    /** DELETE answers 204 without a body. */
    APIGatewayV2HTTPResponse revokeLink(String user, String id, String episodeId) {
        return handler.handleRequest(linkEvent(TriageApiHandler.REVOKE_DIARY_LINK, user, id, episodeId),
                LambdaContext.invocation(FUNCTION, 10));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
