package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.blocks.EntryItem;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.triage.block.DiaryEntry;
import io.spineintake.triage.block.TimePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** POST and GET /referrals/{id}/blocks and the diary-link routes, on dynalite, with the engine's verdicts. */
@ExtendWith(LocalAwsExtension.class)
class BlocksTest {
    /** Every diary link issued here: PhiLogScanTest looks for them in every log line. */
    static final java.util.Set<String> ISSUED_TOKENS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Api api;
    String id;

    @BeforeEach
    void setUp(LocalAws aws) {
        api = new Api(aws);
        id = UUID.randomUUID().toString();
        api.createWithIntake(id);
    }

    static Map<String, Object> block(String endedAt, String anaesthetic, String which) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("endedAt", endedAt);
        b.put("region", "LUMBAR");
        b.put("levels", List.of("L4-L5", "L5-S1"));
        b.put("side", "BOTH");
        b.put("anaesthetic", anaesthetic);
        b.put("diagnosticBlock", which);
        b.put("baselineNrs", 10);
        return b;
    }

    static Map<String, Object> with(Map<String, Object> b, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(b);
        copy.put(field, value);
        return copy;
    }

    String ended(Duration before) {
        return Api.T0.minus(before).toString();
    }

    @Test
    void aBlockIsRecordedWithOneWriteAndAudited() {
        Api.Answer a = api.recordBlock("alice.ng", id, block(ended(Duration.ofHours(1)), "BUPIVACAINE", "FIRST"));

        assertThat(a.status()).isEqualTo(201);
        JsonNode b = a.body();
        String episodeId = b.path("episodeId").asText();
        assertThat(episodeId).matches("[0-9a-f-]{36}");
        assertThat(b.path("endedAt").asText()).isEqualTo("2026-11-27T08:00:00.000Z");
        assertThat(b.path("levels").toString()).isEqualTo("[\"L4-L5\",\"L5-S1\"]");
        assertThat(b.path("baselineNrs").asInt()).isEqualTo(10);
        assertThat(b.path("recordedBy").asText()).isEqualTo("alice.ng");
        assertThat(b.path("diaryLink").path("status").asText()).isEqualTo("NONE");
        assertThat(b.path("entries").size()).isZero();
        assertThat(b.path("result").path("expectedMinutes").asLong()).isEqualTo(120);
        assertThat(b.path("result").path("verdicts").get(0).path("result").asText()).isEqualTo("NO_ENTRIES");
        assertThat(b.path("lcdWarnings").isArray()).isTrue();
        assertThat(b.path("lcdWarnings").size()).isZero();

        assertThat(api.blocks.contents(id).episodes()).hasSize(1);
        List<AuditEntry> trail = api.audit(api.get(id));
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.BLOCK_RECORDED);
            assertThat(e.episodeId()).isEqualTo(episodeId);
            assertThat(e.actor()).isEqualTo("alice.ng");
        });
        // recording does not change the referral's version (no If-Match of anyone breaks)
        assertThat(api.get(id).version()).isEqualTo(1L);
    }

    @Test
    void badBlocksAre422WithPointersAndWriteNothing() {
        Map<String, Object> good = block(ended(Duration.ofHours(1)), "LIDOCAINE", "FIRST");
        Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
        cases.put(with(good, "baselineNrs", 0), "/baselineNrs");
        cases.put(with(good, "baselineNrs", "2-8"), "/baselineNrs");
        cases.put(with(good, "baselineNrs", 5.5), "/baselineNrs");
        cases.put(with(good, "baselineNrs", 11), "/baselineNrs");
        cases.put(with(good, "levels", List.of("C5-C6")), "/levels/0");
        cases.put(with(good, "levels", List.of("L4-L5", "L4-L5")), "/levels/1");
        cases.put(with(good, "levels", List.of("L3-L4", "L4-L5", "L5-S1")), "/levels");
        cases.put(with(good, "levels", List.of()), "/levels");
        cases.put(with(good, "levels", List.of("L4-5")), "/levels/0");
        cases.put(with(good, "side", "CENTRAL"), "/side");
        cases.put(with(good, "anaesthetic", "UNKNOWN"), "/anaesthetic");
        cases.put(with(good, "diagnosticBlock", "THIRD"), "/diagnosticBlock");
        cases.put(with(good, "region", "SACRAL"), "/region");
        cases.put(with(good, "endedAt", Api.T0.plus(Duration.ofHours(1)).toString()), "/endedAt");
        cases.put(with(good, "endedAt", "yesterday"), "/endedAt");
        cases.put(with(good, "dateOfBirth", "1961-03-09"), "/dateOfBirth");
        cases.forEach((body, pointer) -> {
            Api.Answer a = api.recordBlock("alice.ng", id, body);
            assertThat(a.status()).as(pointer).isEqualTo(422);
            assertThat(a.type()).isEqualTo("urn:spine-intake:problem:invalid-block");
            assertThat(a.pointers()).as(body.toString()).contains(pointer);
            assertThat(a.body().toString()).doesNotContain("1961-03-09");
        });
        assertThat(api.recordBlock("alice.ng", id, "[1,2]").status()).isEqualTo(400);
        assertThat(api.recordBlock("alice.ng", id, "{\"endedAt\":").status()).isEqualTo(400);
        assertThat(api.recordBlock("alice.ng", UUID.randomUUID().toString(), good).status()).isEqualTo(404);
        assertThat(api.recordBlock("alice.ng", "not-a-uuid", good).status()).isEqualTo(404);
        assertThat(api.blocks.contents(id).episodes()).isEmpty();
    }

    @Test
    void theFifthDiagnosticSessionInTwelveMonthsInOneRegionIsWarned() {
        for (int month = 10; month >= 1; month -= 3) { // four sessions on four dates within 12 months
            Api.Answer a = api.recordBlock("alice.ng", id, block(ended(Duration.ofDays(30L * month)), "LIDOCAINE", "FIRST"));
            assertThat(a.status()).isEqualTo(201);
            assertThat(a.body().path("lcdWarnings").size()).as("session %s", month).isZero();
        }
        Api.Answer fifth = api.recordBlock("alice.ng", id, block(ended(Duration.ofHours(2)), "BUPIVACAINE", "SECOND"));

        assertThat(fifth.status()).isEqualTo(201);
        JsonNode warnings = fifth.body().path("lcdWarnings");
        assertThat(warnings.size()).isEqualTo(1);
        assertThat(warnings.get(0).path("group").asText()).isEqualTo("LUMBAR_SACRAL");
        assertThat(warnings.get(0).path("kind").asText()).isEqualTo("DIAGNOSTIC");
        assertThat(warnings.get(0).path("limit").asInt()).isEqualTo(4);
        assertThat(warnings.get(0).path("countWithBooking").asInt()).isEqualTo(5);
        assertThat(warnings.get(0).path("message").asText()).contains("at most 4 per rolling 12 months");

        JsonNode lcd = api.blocks("alice.ng", id).body().path("lcd");
        assertThat(lcd.path("counts").path("LUMBAR_SACRAL").path("DIAGNOSTIC").asInt()).isEqualTo(5);
        assertThat(lcd.path("counts").path("CERVICAL_THORACIC").path("DIAGNOSTIC").asInt()).isZero();
        assertThat(lcd.path("limits").path("LUMBAR_SACRAL").path("DIAGNOSTIC").asInt()).isEqualTo(4);
        assertThat(lcd.path("windowMonths").asInt()).isEqualTo(12);
    }

    @Test
    void aDiaryLinkIsIssuedOnceRevokedReplacedAndExpires() {
        String episodeId = api.recordBlock("alice.ng", id, block(ended(Duration.ofHours(1)), "BUPIVACAINE", "FIRST"))
                .body().path("episodeId").asText();

        Api.Answer issued = api.issueLink("alice.ng", id, episodeId);
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.body().path("token").asText();
        ISSUED_TOKENS.add(token);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.body().path("expiresAt").asText()).isEqualTo("2026-11-29T08:00:00.000Z");
        assertThat(link(episodeId).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(link(episodeId).path("expiresAt").asText()).isEqualTo("2026-11-29T08:00:00.000Z");
        // only the hash is stored
        assertThat(tableText()).doesNotContain(token).contains(io.spineintake.platform.blocks.DiaryLinks.hash(token));
        assertThat(api.blocks.link(io.spineintake.platform.blocks.DiaryLinks.hash(token)).orElseThrow().episodeId())
                .isEqualTo(episodeId);

        // a new link replaces the old one: the old one is revoked at once
        String second = api.issueLink("bob.okafor", id, episodeId).body().path("token").asText();
        ISSUED_TOKENS.add(second);
        assertThat(second).isNotEqualTo(token);
        assertThat(api.blocks.link(io.spineintake.platform.blocks.DiaryLinks.hash(token)).orElseThrow().revoked()).isTrue();
        assertThat(api.blocks.episode(id, episodeId).orElseThrow().linkHash())
                .isEqualTo(io.spineintake.platform.blocks.DiaryLinks.hash(second));

        APIGatewayV2HTTPResponse revoked = api.revokeLink("alice.ng", id, episodeId);
        assertThat(revoked.getStatusCode()).isEqualTo(204);
        assertThat(revoked.getBody()).isNull();
        assertThat(link(episodeId).path("status").asText()).isEqualTo("REVOKED");
        assertThat(api.blocks.link(io.spineintake.platform.blocks.DiaryLinks.hash(second)).orElseThrow().revoked()).isTrue();
        assertThat(api.revokeLink("alice.ng", id, episodeId).getStatusCode()).as("revoking again").isEqualTo(204);

        List<AuditAction> actions = api.audit(api.get(id)).stream().map(AuditEntry::action).toList();
        // entries of one millisecond sort in no particular order: count them
        assertThat(actions.stream().filter(x -> x == AuditAction.DIARY_LINK_ISSUED).count()).isEqualTo(2);
        assertThat(actions.stream().filter(x -> x == AuditAction.DIARY_LINK_REVOKED).count()).isEqualTo(2);
        assertThat(actions.get(0)).isEqualTo(AuditAction.CREATED);
        assertThat(api.audit(api.get(id)).toString()).doesNotContain(token).doesNotContain(second);

        ISSUED_TOKENS.add(api.issueLink("alice.ng", id, episodeId).body().path("token").asText());
        api.clock.advance(Duration.ofHours(47)); // 48 h after the block
        assertThat(link(episodeId).path("status").asText()).isEqualTo("EXPIRED");
        Api.Answer late = api.issueLink("alice.ng", id, episodeId);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.type()).isEqualTo("urn:spine-intake:problem:diary-closed");

        assertThat(api.issueLink("alice.ng", id, UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(api.issueLink("alice.ng", id, "EPISODE#x").type()).isEqualTo("urn:spine-intake:problem:episode-not-found");
    }

    @Test
    void theOverviewShowsTheEnginesVerdictsForReferenceDiaries() {
        // bupivacaine, baseline 10: 90% relief from 30 min to 4 h -> positive at 80% (3 h 30 min >= 2 h)
        String bupi = api.recordBlock("alice.ng", id, block(ended(Duration.ofDays(20)), "BUPIVACAINE", "FIRST"))
                .body().path("episodeId").asText();
        Instant bupiEnded = Api.T0.minus(Duration.ofDays(20));
        diary(bupi, bupiEnded, Map.of(15, 5, 30, 1, 60, 1, 120, 1, 180, 1, 240, 1, 270, 6));
        // lidocaine, 85% relief at 30 min only -> negative at 80% and 50%
        String lido = api.recordBlock("alice.ng", id, block(ended(Duration.ofDays(5)), "LIDOCAINE", "SECOND"))
                .body().path("episodeId").asText();
        Instant lidoEnded = Api.T0.minus(Duration.ofDays(5));
        diaryWithBaseline(lido, lidoEnded, Map.of(15, 10, 30, 3, 60, 10));

        Api.Answer a = api.blocks("bob.okafor", id);
        assertThat(a.status()).isEqualTo(200);
        JsonNode episodes = a.body().path("episodes");
        assertThat(episodes.size()).isEqualTo(2);
        JsonNode first = episodes.get(0);
        assertThat(first.path("episodeId").asText()).isEqualTo(bupi);
        assertThat(first.path("entries").size()).isEqualTo(7);
        JsonNode result = first.path("result");
        JsonNode lcd80 = verdict(result, "MEDICARE_LCD");
        assertThat(lcd80.path("thresholdPercent").asInt()).isEqualTo(80);
        assertThat(lcd80.path("result").asText()).isEqualTo("POSITIVE");
        assertThat(lcd80.path("fromMinutes").asInt()).isEqualTo(30);
        assertThat(lcd80.path("toMinutes").asInt()).isEqualTo(240);
        assertThat(lcd80.path("durationMinutes").asLong()).isEqualTo(210);
        assertThat(lcd80.path("minimumMinutes").asLong()).isEqualTo(120);
        assertThat(lcd80.path("missingWithin").toString()).isEqualTo("[90,150,210]");
        assertThat(verdict(result, "COHEN_2020").path("result").asText()).isEqualTo("POSITIVE");
        assertThat(result.path("peak").path("minutes").asInt()).isEqualTo(30);
        assertThat(result.path("peak").path("reliefPercent").asDouble()).isEqualTo(90.0);
        assertThat(result.path("expectedMinutes").asLong()).isEqualTo(120);
        JsonNode points = result.path("points");
        assertThat(points.size()).isEqualTo(16);
        assertThat(points.get(0).path("reliefPercent").asDouble()).isEqualTo(50.0);
        assertThat(points.get(3).path("recorded").asBoolean()).isFalse(); // 90 min: missing, never filled in
        assertThat(points.get(3).path("reliefPercent").isNull()).isTrue();
        assertThat(result.path("missing").toString()).startsWith("[90,150,210,300");

        JsonNode second = episodes.get(1).path("result");
        assertThat(verdict(second, "MEDICARE_LCD").path("result").asText()).isEqualTo("NEGATIVE");
        assertThat(verdict(second, "COHEN_2020").path("result").asText()).isEqualTo("NEGATIVE");
        assertThat(verdict(second, "COHEN_2020").path("durationMinutes").asLong()).isZero();
        assertThat(second.path("points").get(2).path("direction").asText()).isEqualTo("NO_CHANGE");

        JsonNode rfa = a.body().path("rfaCandidacy");
        assertThat(rfa.size()).isEqualTo(1);
        assertThat(rfa.get(0).path("region").asText()).isEqualTo("LUMBAR");
        assertThat(rfa.get(0).path("candidate").asBoolean()).isFalse();
        assertThat(rfa.get(0).path("evidence").size()).isEqualTo(1);
        assertThat(rfa.get(0).path("evidence").get(0).path("episodeId").asText()).isEqualTo(bupi);
        JsonNode concordance = a.body().path("concordance");
        assertThat(concordance.size()).isEqualTo(2);
        assertThat(concordance.get(0).path("standard").asText()).isEqualTo("MEDICARE_LCD");
        assertThat(concordance.get(0).path("result").asText()).isEqualTo("CONCORDANT");
        assertThat(api.audit(api.get(id))).anyMatch(e -> e.action() == AuditAction.BLOCKS_VIEWED && e.actor().equals("bob.okafor"));
    }

    @Test
    void twoPositiveLumbarBlocksMakeAnRfaCandidate() {
        String a = api.recordBlock("alice.ng", id, block(ended(Duration.ofDays(20)), "LIDOCAINE", "FIRST"))
                .body().path("episodeId").asText();
        diary(a, Api.T0.minus(Duration.ofDays(20)), Map.of(15, 1, 30, 1, 60, 1, 90, 1, 120, 5));
        String b = api.recordBlock("alice.ng", id, block(ended(Duration.ofDays(5)), "BUPIVACAINE", "SECOND"))
                .body().path("episodeId").asText();
        diary(b, Api.T0.minus(Duration.ofDays(5)), Map.of(15, 2, 30, 1, 60, 1, 120, 1, 180, 2, 240, 2));

        JsonNode rfa = api.blocks("alice.ng", id).body().path("rfaCandidacy").get(0);
        assertThat(rfa.path("candidate").asBoolean()).isTrue();
        assertThat(rfa.path("standard").asText()).isEqualTo("MEDICARE_LCD");
        assertThat(rfa.path("thresholdPercent").asInt()).isEqualTo(80);
        assertThat(rfa.path("evidence").findValuesAsText("episodeId")).containsExactly(a, b);
        assertThat(rfa.path("sameLevelsAndSide").asBoolean()).isTrue();
        assertThat(rfa.path("reason").asText()).contains("an RFA candidate");
    }

    @Test
    void blockRoutesAreForCoordinatorsOnly() {
        var e = Api.event(TriageApiHandler.BLOCKS, id, Map.of("cognito:username", "eve", "cognito:groups", "[patients]"));
        assertThat(api.call(e).status()).isEqualTo(403);
        assertThat(api.blocks("alice.ng", UUID.randomUUID().toString()).status()).isEqualTo(404);
    }

    private void diary(String episodeId, Instant ended, Map<Integer, Integer> nrsByMinute) {
        diaryWithBaseline(episodeId, ended, nrsByMinute);
    }

    /** Entries as the diary function stores them (one item per point), received on time. */
    private void diaryWithBaseline(String episodeId, Instant ended, Map<Integer, Integer> nrsByMinute) {
        nrsByMinute.forEach((minutes, nrs) -> assertThat(api.blocks.putEntry(EntryItem.of(id, episodeId,
                new DiaryEntry(TimePoint.minutes(minutes), nrs, ended.plus(Duration.ofMinutes(minutes + 1)), false, List.of()),
                "k" + minutes, "h" + minutes))).isTrue());
    }

    private static JsonNode verdict(JsonNode result, String standard) {
        for (JsonNode v : result.path("verdicts")) {
            if (v.path("standard").asText().equals(standard)) {
                return v;
            }
        }
        throw new AssertionError("no verdict at " + standard);
    }

    private JsonNode link(String episodeId) {
        for (JsonNode e : api.blocks("alice.ng", id).body().path("episodes")) {
            if (e.path("episodeId").asText().equals(episodeId)) {
                return e.path("diaryLink");
            }
        }
        throw new AssertionError("no episode " + episodeId);
    }

    private String tableText() {
        StringBuilder out = new StringBuilder();
        api.aws.clients().dynamoDb().scanPaginator(r -> r.tableName(api.aws.blocksTable())).items()
                .forEach(i -> i.forEach((k, v) -> out.append(k).append('=').append(text(v)).append('\n')));
        return out.toString();
    }

    private static String text(AttributeValue v) {
        return v.s() != null ? v.s() : String.valueOf(v);
    }
}
