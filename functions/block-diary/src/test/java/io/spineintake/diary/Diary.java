package io.spineintake.diary;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.TestClock;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.blocks.BlockRepository;
import io.spineintake.platform.blocks.DiaryLinks;
import io.spineintake.platform.blocks.EpisodeItem;
import io.spineintake.platform.blocks.LinkItem;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.intakes.RoutingState;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.block.BlockEpisode;
import io.spineintake.triage.block.DiagnosticBlock;
import io.spineintake.triage.block.SpinalLevel;
import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Side;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One test class's diary: the real handler on this class's dynalite tables with a hand-moved
 * clock; referrals with an intake, episodes and diary links made as submit-intake, the consult
 * queue's consumer and the coordinators' API leave them; events as API Gateway sends them.
 */
final class Diary {
    static final Instant ENDED = Instant.parse("2026-11-27T08:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FORM = "/forms/diary-patient.json";
    /** Every capability and patient value the tests sent or stored: none may appear in a log line. */
    static final Set<String> SENT_VALUES = ConcurrentHashMap.newKeySet();

    static {
        SENT_VALUES.addAll(List.of("Dora Fakename-Diary", "1958-07-21", "+1 555 0177", "dora.diary@example.com", "ZZ9 4TQ"));
    }

    final LocalAws aws;
    final TestClock clock;
    final BlockRepository blocks;
    final ReferralRepository referrals;
    final BlockDiaryHandler handler;

    Diary(LocalAws aws) {
        this.aws = aws;
        this.clock = new TestClock(ENDED.plus(Duration.ofMinutes(14)));
        this.blocks = new BlockRepository(aws.clients(), aws.blocksTable());
        this.referrals = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
        this.handler = new BlockDiaryHandler(new Environment(aws.config(), aws.clients(), clock));
    }

    /** A referral with its intake (the fixture form: bending backward and twisting make the lumbar pain worse). */
    String referral() {
        String id = UUID.randomUUID().toString();
        String received = Timestamps.of(ENDED.minus(Duration.ofDays(30)));
        assertThat(new IntakeRepository(aws.clients(), aws.intakesTable()).putIfAbsent(IntakeRecord.builder()
                .intakeId(id).receivedAt(received).requestHash("0".repeat(64)).formJson(formText())
                .assessmentJson("{}").ruleSetVersion("test").disposition(Disposition.CONSULT)
                .routingState(RoutingState.ROUTED).updatedAt(received).build())).isTrue();
        assertThat(referrals.createIfAbsent(ReferralRecord.builder().referralId(id).intakeId(id).status(ReferralStatus.NEW)
                .disposition(Disposition.CONSULT).priorityKey("2-9-040-0000000000000").submittedAt(received)
                .createdAt(received).dueAt(received).version(1L).worklist(ReferralRecord.OPEN)
                .lastEntry(AuditEntry.builder().at(received).actor("system").action(AuditAction.CREATED)
                        .status(ReferralStatus.NEW).disposition(Disposition.CONSULT).version(1L).build())
                .build())).isTrue();
        return id;
    }

    /** An episode recorded as the coordinators' API records it. */
    String episode(String referralId, Instant ended, Region region, List<SpinalLevel> levels) {
        String episodeId = UUID.randomUUID().toString();
        assertThat(blocks.putEpisode(EpisodeItem.of(referralId, new BlockEpisode(episodeId, ended, region, levels, Side.BOTH,
                Anaesthetic.BUPIVACAINE, DiagnosticBlock.FIRST, 8), Timestamps.of(ended), "alice.ng"))).isTrue();
        return episodeId;
    }

    String episode(String referralId) {
        return episode(referralId, ENDED, Region.LUMBAR, List.of(SpinalLevel.L4_L5, SpinalLevel.L5_S1));
    }

    /** A diary link issued as the coordinators' API issues one (replacing the current one); the token. */
    String link(String referralId, String episodeId) {
        EpisodeItem e = blocks.episode(referralId, episodeId).orElseThrow();
        DiaryLinks.Issued issued = DiaryLinks.issue();
        Instant expires = DiaryLinks.expiresAt(e.ended());
        assertThat(blocks.putLink(LinkItem.of(issued.hash(), referralId, episodeId, clock.instant(), expires))).isTrue();
        assertThat(blocks.replaceCurrentLink(referralId, episodeId, e.linkHash(), issued.hash(), clock.instant(), expires)).isTrue();
        if (e.linkHash() != null) {
            blocks.markLinkRevoked(e.linkHash(), clock.instant());
        }
        SENT_VALUES.add(issued.token());
        return issued.token();
    }

    void revoke(String referralId, String episodeId) {
        EpisodeItem e = blocks.episode(referralId, episodeId).orElseThrow();
        assertThat(blocks.removeCurrentLink(referralId, episodeId, e.linkHash(), clock.instant())).isTrue();
        blocks.markLinkRevoked(e.linkHash(), clock.instant());
    }

    /** Minutes after the block ended. */
    void at(long minutes) {
        clock.set(ENDED.plus(Duration.ofMinutes(minutes)));
    }

    record Answer(int status, Map<String, String> headers, JsonNode body) {
        List<String> pointers() {
            return body.path("errors").findValuesAsText("pointer");
        }

        String type() {
            return body.path("type").asText();
        }
    }

    static APIGatewayV2HTTPEvent event(String routeKey, String authorization) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        Map<String, String> headers = new HashMap<>(Map.of("accept", "application/json"));
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                        .withRequestId(UUID.randomUUID().toString()).withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(routeKey.substring(0, routeKey.indexOf(' '))).withPath(path).build())
                        .build())
                .build();
    }

    Answer call(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse r = handler.handleRequest(event, LambdaContext.invocation("DiaryFunction", 10));
        assertThat(r.getHeaders()).containsEntry("Cache-Control", "no-store");
        String type = r.getHeaders().get("Content-Type");
        assertThat(type.equals("application/problem+json")).as("problem+json exactly for errors (%s)", r.getStatusCode())
                .isEqualTo(r.getStatusCode() >= 400);
        try {
            return new Answer(r.getStatusCode(), r.getHeaders(), JSON.readTree(r.getBody()));
        } catch (JsonProcessingException e) {
            throw new AssertionError("body is not JSON", e);
        }
    }

    Answer get(String token) {
        return call(event(BlockDiaryHandler.DIARY, token == null ? null : "Diary " + token));
    }

    Answer post(String token, String key, String body) {
        APIGatewayV2HTTPEvent e = event(BlockDiaryHandler.ENTRIES, token == null ? null : "Diary " + token);
        e.getHeaders().put("content-type", "application/json");
        if (key != null) {
            e.getHeaders().put("idempotency-key", key);
        }
        e.setBody(body);
        return call(e);
    }

    Answer post(String token, String key, Map<String, Object> entry) {
        try {
            return post(token, key, JSON.writeValueAsString(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> entry(int minutes, Object nrs, List<Map<String, Object>> movements) {
        Map<String, Object> e = new java.util.LinkedHashMap<>();
        e.put("timePoint", minutes);
        e.put("nrs", nrs);
        e.put("movements", movements);
        return e;
    }

    static Map<String, Object> tried(String movement, String change) {
        return Map.of("movement", movement, "tried", true, "change", change);
    }

    static Map<String, Object> notTried(String movement) {
        return Map.of("movement", movement, "tried", false);
    }

    static String formText() {
        try (InputStream in = Diary.class.getResourceAsStream(FORM)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
