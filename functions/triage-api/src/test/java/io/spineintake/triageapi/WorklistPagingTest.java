package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.referrals.ReferralRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keyset paging: 500 referrals (three bands, some overdue) paged with limits from 25 to 100 while
 * 100 more arrive between pages. Every one of the 500 is listed exactly once, nothing twice, and
 * the whole listing is in band, overdue-first, priority-key order.
 */
@ExtendWith(LocalAwsExtension.class)
class WorklistPagingTest {
    static final List<String> DISPOSITIONS = List.of("EMERGENCY", "URGENT_REVIEW", "CONSULT");

    @Test
    void pagingWhileReferralsArriveListsEachReferralOnceInOrder(LocalAws aws) throws Exception {
        Api api = new Api(aws);
        Random random = new Random(20261127);
        List<Api.Spec> specs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            specs.add(randomSpec(random, api.clock.instant()));
        }
        Set<String> original = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ReferralRecord>> made = new ArrayList<>();
            for (Api.Spec s : specs) {
                made.add(pool.submit(() -> api.create(s)));
            }
            for (Future<ReferralRecord> f : made) {
                original.add(f.get().referralId());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(original).hasSize(500);

        List<JsonNode> listed = new ArrayList<>();
        String cursor = null;
        String asOf = null;
        int arrived = 0;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>();
            query.put("limit", Integer.toString(25 + random.nextInt(76)));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            Api.Answer page = api.list("alice.ng", query);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().path("items").size()).isLessThanOrEqualTo(Integer.parseInt(query.get("limit")));
            if (asOf == null) {
                asOf = page.body().path("asOf").asText();
            }
            assertThat(page.body().path("asOf").asText()).as("asOf is fixed by the first page").isEqualTo(asOf);
            page.body().path("items").forEach(listed::add);
            cursor = page.body().path("nextCursor").isNull() ? null : page.body().path("nextCursor").asText();
            pages++;

            // time passes and new referrals arrive, in every band, some already overdue
            api.clock.advance(Duration.ofMinutes(1));
            for (int k = 0; k < 12 && arrived < 100; k++, arrived++) {
                api.create(randomSpec(random, api.clock.instant()));
            }
        } while (cursor != null && pages < 200);

        assertThat(cursor).as("the listing ends").isNull();
        assertThat(pages).as("pages").isGreaterThan(5);
        assertThat(arrived).isEqualTo(100);
        List<String> ids = listed.stream().map(n -> n.path("referralId").asText()).toList();
        assertThat(new HashSet<>(ids)).as("nothing is listed twice").hasSize(ids.size());
        assertThat(ids).as("all of the first 500").containsAll(original);

        // band, then overdue first, then priority key, across the whole listing
        for (int i = 1; i < listed.size(); i++) {
            assertThat(sortKey(listed.get(i - 1), asOf)).as("item %d after item %d", i, i - 1)
                    .isLessThan(sortKey(listed.get(i), asOf));
        }
        for (JsonNode n : listed) {
            assertThat(n.path("overdue").asBoolean()).isEqualTo(n.path("dueAt").asText().compareTo(asOf) <= 0);
            assertThat(n.has("form")).isFalse();
            assertThat(n.has("note")).isFalse();
        }
        assertThat(listed.stream().filter(n -> n.path("overdue").asBoolean()).count()).isGreaterThan(50);
    }

    static String sortKey(JsonNode item, String asOf) {
        String pk = item.path("priorityKey").asText();
        boolean overdue = item.path("dueAt").asText().compareTo(asOf) <= 0;
        return pk.charAt(0) + (overdue ? "0" : "1") + pk + "|" + item.path("referralId").asText();
    }

    /** A referral of a random band, flags and score, submitted in the last two weeks; about a third overdue. */
    static Api.Spec randomSpec(Random random, Instant now) {
        String disposition = DISPOSITIONS.get(random.nextInt(3));
        Instant submitted = now.minus(Duration.ofMinutes(1 + random.nextInt(14 * 24 * 60)));
        Instant due = random.nextInt(3) == 0
                ? now.minus(Duration.ofMinutes(random.nextInt(600)))
                : now.plus(Duration.ofMinutes(1 + random.nextInt(20_000)));
        return new Api.Spec(disposition, random.nextInt(3), random.nextInt(101),
                List.of("HIGH", "MODERATE", "LOW").get(random.nextInt(3)), "LUMBAR", submitted, due);
    }

    @Test
    void aFilterNobodyMatchesEndsEmpty(LocalAws aws) {
        // this class's table has referrals from the other test; a filter nobody matches is empty
        Api api = new Api(aws);
        Api.Answer a = api.list("alice.ng", Map.of("assignee", "nobody.here"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().path("asOf").asText()).isEqualTo(Timestamps.of(api.clock.instant()));
        // a page may stop early (a bounded number of index reads), but the listing ends, empty
        int pages = 1;
        while (!a.body().path("nextCursor").isNull()) {
            assertThat(a.body().path("items").size()).isZero();
            a = api.list("alice.ng", Map.of("assignee", "nobody.here", "cursor", a.body().path("nextCursor").asText()));
            assertThat(++pages).isLessThan(5);
        }
        assertThat(a.body().path("items").size()).isZero();
    }

    /** The attack: a client edits asOf in a cursor to change which referrals show as overdue. */
    @Test
    void anEditedOrStaleCursorIsRefusedThroughTheHandler(LocalAws aws) {
        Api api = new Api(aws);
        for (int i = 0; i < 3; i++) {
            api.create(Api.Spec.consult());
        }
        Api.Answer first = api.list("alice.ng", Map.of("limit", "1"));
        String cursor = first.body().path("nextCursor").asText();
        assertThat(cursor).isNotEmpty();

        int dot = cursor.indexOf('.');
        String payload = new String(java.util.Base64.getUrlDecoder().decode(cursor.substring(0, dot)),
                java.nio.charset.StandardCharsets.UTF_8);
        String later = Timestamps.of(api.clock.instant().plus(Duration.ofDays(30)));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload
                .replace(first.body().path("asOf").asText(), later).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + cursor.substring(dot);
        Api.Answer edited = api.list("alice.ng", Map.of("limit", "1", "cursor", forged));
        assertThat(edited.status()).isEqualTo(400);
        assertThat(edited.type()).isEqualTo(ApiProblem.INVALID_CURSOR);

        assertThat(api.list("alice.ng", Map.of("limit", "1", "cursor", cursor)).status()).isEqualTo(200);
        api.clock.advance(WorklistCursor.MAX_AGE.plusSeconds(1));
        Api.Answer stale = api.list("alice.ng", Map.of("limit", "1", "cursor", cursor));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.type()).isEqualTo(ApiProblem.CURSOR_EXPIRED);
        assertThat(stale.body().path("detail").asText()).contains("start paging again");
    }
}
