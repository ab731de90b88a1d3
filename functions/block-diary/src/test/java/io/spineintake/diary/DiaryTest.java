package io.spineintake.diary;

import static io.spineintake.diary.Diary.entry;
import static io.spineintake.diary.Diary.notTried;
import static io.spineintake.diary.Diary.tried;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.triage.block.SpinalLevel;
import io.spineintake.triage.form.Region;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /diary and POST /diary/entries through a diary link, on dynalite. */
@ExtendWith(LocalAwsExtension.class)
class DiaryTest {
    Diary diary;
    String referral;
    String episode;
    String token;

    @BeforeEach
    void setUp(LocalAws aws) {
        diary = new Diary(aws);
        referral = diary.referral();
        episode = diary.episode(referral);
        token = diary.link(referral, episode);
    }

    @Test
    void theDiaryShowsThePointsTheMovementsAndNoPatientData() {
        diary.at(14);
        Diary.Answer a = diary.get(token);

        assertThat(a.status()).isEqualTo(200);
        JsonNode d = a.body();
        assertThat(d.path("now").asText()).isEqualTo("2026-11-27T08:14:00.000Z");
        assertThat(d.path("episode").path("endedAt").asText()).isEqualTo("2026-11-27T08:00:00.000Z");
        assertThat(d.path("episode").path("region").asText()).isEqualTo("LUMBAR");
        assertThat(d.path("episode").path("expiresAt").asText()).isEqualTo("2026-11-29T08:00:00.000Z");
        JsonNode points = d.path("timePoints");
        assertThat(points.findValuesAsText("minutes")).containsExactly("15", "30", "60", "90", "120", "150", "180", "210",
                "240", "270", "300", "330", "360", "480", "720", "1440");
        JsonNode first = points.get(0);
        assertThat(first.path("dueAt").asText()).isEqualTo("2026-11-27T08:15:00.000Z");
        assertThat(first.path("opensAt").asText()).isEqualTo("2026-11-27T08:10:00.000Z");
        assertThat(first.path("lateAfter").asText()).isEqualTo("2026-11-27T08:25:00.000Z");
        assertThat(first.path("closesAt").asText()).isEqualTo("2026-11-27T08:30:00.000Z");
        assertThat(first.path("status").asText()).isEqualTo("DUE");
        assertThat(points.get(1).path("status").asText()).isEqualTo("UPCOMING");
        assertThat(points.get(15).path("closesAt").asText()).isEqualTo("2026-11-29T08:00:00.000Z");
        assertThat(d.path("dueNow").toString()).isEqualTo("[15]");
        assertThat(d.path("next").path("minutes").asInt()).isEqualTo(30);
        // what the intake said makes the lumbar pain worse
        assertThat(d.path("movements").toString()).isEqualTo("[\"BENDING_BACKWARD\",\"TWISTING\"]");
        assertThat(d.path("entries").size()).isZero();
        String body = d.toString();
        for (String phi : List.of("Dora", "1958-07-21", "0177", "dora.diary", "ZZ9", referral, episode, "alice.ng", "baseline")) {
            assertThat(body).as("the diary holds no %s", phi).doesNotContain(phi);
        }
    }

    @Test
    void anEntryIsRecordedOnceWithTheServersTimeAndARetryGetsTheSameAnswer() {
        diary.at(16);
        Map<String, Object> e = entry(15, 3, List.of(tried("TWISTING", "EASIER"), notTried("BENDING_BACKWARD")));
        Diary.Answer a = diary.post(token, "key-15", e);

        assertThat(a.status()).isEqualTo(201);
        assertThat(a.body().path("timePoint").asInt()).isEqualTo(15);
        assertThat(a.body().path("nrs").asInt()).isEqualTo(3);
        assertThat(a.body().path("receivedAt").asText()).isEqualTo("2026-11-27T08:16:00.000Z");
        assertThat(a.body().path("late").asBoolean()).isFalse();
        assertThat(a.body().path("movements").toString()).isEqualTo(
                "[{\"movement\":\"TWISTING\",\"tried\":true,\"change\":\"EASIER\"},"
                        + "{\"movement\":\"BENDING_BACKWARD\",\"tried\":false,\"change\":null}]");

        diary.at(20);
        Diary.Answer again = diary.post(token, "key-15", e);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(a.body()); // the stored answer: receivedAt unchanged

        Diary.Answer otherBody = diary.post(token, "key-15", entry(15, 4, List.of()));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.type()).isEqualTo("urn:spine-intake:problem:idempotency-key-reused");

        Diary.Answer otherKey = diary.post(token, "another-key", entry(15, 4, List.of()));
        assertThat(otherKey.status()).isEqualTo(409);
        assertThat(otherKey.type()).isEqualTo("urn:spine-intake:problem:time-point-already-recorded");
        assertThat(otherKey.pointers()).containsExactly("/timePoint");

        assertThat(diary.blocks.entries(referral, episode)).hasSize(1);
        JsonNode view = diary.get(token).body();
        assertThat(view.path("timePoints").get(0).path("status").asText()).isEqualTo("DONE");
        assertThat(view.path("entries").size()).isEqualTo(1);
        assertThat(view.path("entries").get(0)).isEqualTo(a.body());
        assertThat(diary.referrals.trail(diary.referrals.get(referral).orElseThrow()))
                .filteredOn(x -> x.action() == AuditAction.DIARY_ENTRY_RECORDED).hasSize(1)
                .allSatisfy(x -> {
                    assertThat(x.actor()).isEqualTo("patient");
                    assertThat(x.episodeId()).isEqualTo(episode);
                });
    }

    @Test
    void badEntriesAre422WithPointersAndWriteNothing() {
        diary.at(31);
        Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
        cases.put(entry(45, 3, List.of()), "/timePoint");
        cases.put(entry(0, 3, List.of()), "/timePoint");
        cases.put(entry(30, "2-8", List.of()), "/nrs");
        cases.put(entry(30, "3", List.of()), "/nrs");
        cases.put(entry(30, 3.5, List.of()), "/nrs");
        cases.put(entry(30, 11, List.of()), "/nrs");
        cases.put(entry(30, -1, List.of()), "/nrs");
        cases.put(entry(30, 3, List.of(tried("WALKING", "SAME"))), "/movements/0/movement");
        cases.put(entry(30, 3, List.of(tried("FLYING", "SAME"))), "/movements/0/movement");
        cases.put(entry(30, 3, List.of(Map.of("movement", "TWISTING", "tried", true))), "/movements/0/change");
        cases.put(entry(30, 3, List.of(Map.of("movement", "TWISTING", "tried", false, "change", "EASIER"))), "/movements/0/change");
        cases.put(entry(30, 3, List.of(Map.of("movement", "TWISTING", "tried", "yes"))), "/movements/0/tried");
        cases.put(entry(30, 3, List.of(tried("TWISTING", "BETTER"))), "/movements/0/change");
        cases.put(entry(30, 3, List.of(tried("TWISTING", "SAME"), tried("TWISTING", "SAME"))), "/movements/1/movement");
        Map<String, Object> extra = new LinkedHashMap<>(entry(30, 3, List.of()));
        extra.put("name", "Dora Fakename-Diary");
        cases.put(extra, "/name");
        int i = 0;
        for (Map.Entry<Map<String, Object>, String> c : cases.entrySet()) {
            Diary.Answer a = diary.post(token, "bad-" + i++, c.getKey());
            assertThat(a.status()).as(c.getValue()).isEqualTo(422);
            assertThat(a.type()).isEqualTo("urn:spine-intake:problem:invalid-diary-entry");
            assertThat(a.pointers()).as(c.getKey().toString()).contains(c.getValue());
            assertThat(a.body().toString()).doesNotContain("Dora");
        }
        assertThat(diary.post(token, "m-1", "[3]").status()).isEqualTo(400);
        assertThat(diary.post(token, "m-2", "{\"nrs\":").status()).isEqualTo(400);
        Diary.Answer noKey = diary.post(token, null, entry(30, 3, List.of()));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.pointers()).containsExactly("/headers/idempotency-key");
        assertThat(diary.blocks.entries(referral, episode)).isEmpty();
    }

    @Test
    void aLateEntryIsMarkedAndAMissedPointStaysMissing() {
        diary.at(42); // the 30-minute point: on time until 40, open until 60
        Diary.Answer late = diary.post(token, "late-30", entry(30, 2, List.of()));
        assertThat(late.status()).isEqualTo(201);
        assertThat(late.body().path("late").asBoolean()).isTrue();

        JsonNode view = diary.get(token).body();
        assertThat(view.path("timePoints").get(0).path("status").asText()).isEqualTo("MISSED"); // 15 min closed at 30
        assertThat(view.path("timePoints").get(1).path("status").asText()).isEqualTo("DONE");
        Diary.Answer missed = diary.post(token, "missed-15", entry(15, 2, List.of()));
        assertThat(missed.status()).isEqualTo(422);
        assertThat(missed.pointers()).containsExactly("/timePoint");
        assertThat(missed.body().path("errors").get(0).path("detail").asText()).contains("stays missing");

        Diary.Answer early = diary.post(token, "early-120", entry(120, 2, List.of()));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().path("errors").get(0).path("detail").asText()).contains("opens at 2026-11-27T09:55:00.000Z");

        diary.at(56); // the 60-minute point opens 5 minutes early, on time
        Diary.Answer onTime = diary.post(token, "ok-60", entry(60, 2, List.of()));
        assertThat(onTime.status()).isEqualTo(201);
        assertThat(onTime.body().path("late").asBoolean()).isFalse();
        assertThat(diary.blocks.entries(referral, episode)).extracting(x -> x.minutes()).containsExactly(30, 60);
    }

    @Test
    void anUnknownMalformedRevokedOrExpiredLinkGetsNoData() {
        diary.at(20);
        diary.post(token, "k", entry(15, 3, List.of()));
        for (String header : new String[] {null, "Bearer " + token, "Diary", "Diary " + token + "x", "Diary  " + token,
                "Diary " + token.substring(1) + "!", token}) {
            var e = Diary.event(BlockDiaryHandler.DIARY, header);
            Diary.Answer a = diary.call(e);
            assertThat(a.status()).as(String.valueOf(header == null ? null : header.length())).isEqualTo(401);
            assertThat(a.headers()).containsEntry("WWW-Authenticate", "Diary");
            assertThat(a.type()).isEqualTo("urn:spine-intake:problem:diary-link-not-recognised");
            noEpisodeData(a);
        }
        String unknown = io.spineintake.platform.blocks.DiaryLinks.issue().token();
        Diary.SENT_VALUES.add(unknown);
        noEpisodeData(expect(diary.get(unknown), 401));
        noEpisodeData(expect(diary.post(unknown, "k2", entry(30, 3, List.of())), 401));

        // a new link replaces the old one
        String replacement = diary.link(referral, episode);
        Diary.Answer old = expect(diary.get(token), 410);
        assertThat(old.type()).isEqualTo("urn:spine-intake:problem:diary-link-withdrawn");
        assertThat(old.body().path("detail").asText()).contains("replaced or withdrawn");
        noEpisodeData(old);
        noEpisodeData(expect(diary.post(token, "k3", entry(30, 3, List.of())), 410));
        assertThat(diary.get(replacement).status()).isEqualTo(200);

        diary.revoke(referral, episode);
        noEpisodeData(expect(diary.get(replacement), 410));

        String fresh = diary.link(referral, episode);
        diary.at(48 * 60 - 1);
        assertThat(diary.get(fresh).status()).isEqualTo(200);
        diary.at(48 * 60);
        Diary.Answer expired = expect(diary.get(fresh), 410);
        assertThat(expired.body().path("type").asText()).isEqualTo("urn:spine-intake:problem:diary-link-expired");
        assertThat(expired.body().path("detail").asText()).contains("expired");
        noEpisodeData(expired);
        noEpisodeData(expect(diary.post(fresh, "k4", entry(1440, 3, List.of())), 410));
        assertThat(diary.blocks.entries(referral, episode)).hasSize(1);
    }

    @Test
    void oneEpisodesLinkNeverReadsOrWritesAnotherEpisode() {
        String sameReferral = diary.episode(referral, Diary.ENDED.plus(Duration.ofHours(1)), Region.LUMBAR,
                List.of(SpinalLevel.L3_L4));
        String sameToken = diary.link(referral, sameReferral);
        String otherReferral = diary.referral();
        String otherEpisode = diary.episode(otherReferral, Diary.ENDED, Region.CERVICAL, List.of(SpinalLevel.C5_C6));
        String otherToken = diary.link(otherReferral, otherEpisode);

        diary.at(16);
        assertThat(diary.post(token, "a-15", entry(15, 1, List.of())).status()).isEqualTo(201);
        assertThat(diary.post(otherToken, "b-15", entry(15, 9, List.of())).status()).isEqualTo(201);
        // the same key under another link is another entry of another diary
        assertThat(diary.post(otherToken, "a-15", entry(15, 1, List.of())).status()).isEqualTo(409);

        JsonNode mine = diary.get(token).body();
        JsonNode sibling = diary.get(sameToken).body();
        JsonNode other = diary.get(otherToken).body();
        assertThat(mine.path("entries").findValuesAsText("nrs")).containsExactly("1");
        assertThat(sibling.path("entries").size()).isZero();
        assertThat(sibling.path("timePoints").get(0).path("status").asText()).isEqualTo("UPCOMING");
        assertThat(other.path("entries").findValuesAsText("nrs")).containsExactly("9");
        assertThat(other.path("episode").path("region").asText()).isEqualTo("CERVICAL");
        // its intake names no CERVICAL pain: the movements of every region it names
        assertThat(other.path("movements").toString()).isEqualTo("[\"BENDING_BACKWARD\",\"TWISTING\"]");
        assertThat(diary.blocks.entries(referral, episode)).extracting(x -> x.nrs()).containsExactly(1);
        assertThat(diary.blocks.entries(referral, sameReferral)).isEmpty();
        assertThat(diary.blocks.entries(otherReferral, otherEpisode)).extracting(x -> x.nrs()).containsExactly(9);
        // nothing in a request names an episode: the body cannot point elsewhere
        Map<String, Object> sneaky = new LinkedHashMap<>(entry(30, 2, List.of()));
        sneaky.put("episodeId", otherEpisode);
        assertThat(diary.post(token, "s", sneaky).pointers()).contains("/episodeId");
    }

    @Test
    void otherRoutesAndNoLinkAreRefusedWithoutA5xx() {
        var e = Diary.event("GET /diary/{anything}", "Diary " + token);
        assertThat(diary.call(e).status()).isEqualTo(404);
        var noType = Diary.event(BlockDiaryHandler.ENTRIES, "Diary " + token);
        noType.getHeaders().put("idempotency-key", UUID.randomUUID().toString());
        noType.setBody("{}");
        diary.at(16);
        assertThat(diary.call(noType).status()).isEqualTo(415);
        assertThat(diary.handler.handleRequest(null, null).getStatusCode()).isEqualTo(404);
    }

    private static Diary.Answer expect(Diary.Answer a, int status) {
        assertThat(a.status()).isEqualTo(status);
        return a;
    }

    private void noEpisodeData(Diary.Answer a) {
        String body = a.body().toString();
        assertThat(a.body().has("episode")).isFalse();
        assertThat(a.body().has("timePoints")).isFalse();
        assertThat(a.body().has("entries")).isFalse();
        for (String s : List.of(episode, referral, "2026-11-27", "LUMBAR", "TWISTING")) {
            assertThat(body).doesNotContain(s);
        }
    }
}
