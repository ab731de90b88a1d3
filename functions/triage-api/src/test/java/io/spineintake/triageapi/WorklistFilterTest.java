package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.referrals.ReferralRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /referrals' filters, limit and cursor validation, on a small worklist made once. */
@ExtendWith(LocalAwsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistFilterTest {
    Api api;
    final List<ReferralRecord> made = new ArrayList<>();

    @BeforeAll
    void worklist(LocalAws aws) {
        api = new Api(aws);
        String[] dispositions = {"EMERGENCY", "URGENT_REVIEW", "CONSULT", "OTHER_PATHWAY", "CONSERVATIVE_CARE_FIRST"};
        String[] tiers = {"HIGH", "MODERATE", "LOW"};
        String[] regions = {"LUMBAR", "CERVICAL,LUMBAR", "THORACIC", "CERVICAL"};
        for (int i = 0; i < 36; i++) {
            Api.Spec s = Api.Spec.consult().disposition(dispositions[i % 5]).tier(tiers[(i / 3) % 3])
                    .regions(regions[i % 4]).score(i * 2);
            if (i % 5 == 0) {
                s = s.due(api.clock.instant().minus(Duration.ofHours(1)));
            }
            made.add(api.create(s));
        }
        // some claimed, one waiting for the patient, one decided (off the worklist)
        api.claim("alice.ng", made.get(0).referralId());
        api.claim("alice.ng", made.get(1).referralId());
        api.claim("bob.okafor", made.get(2).referralId());
        api.claim("bob.okafor", made.get(3).referralId());
        assertThat(api.decide("bob.okafor", made.get(3).referralId(), 2, Map.of("outcome", "NEEDS_MORE_INFORMATION"))
                .status()).isEqualTo(200);
        api.claim("bob.okafor", made.get(4).referralId());
        assertThat(api.decide("bob.okafor", made.get(4).referralId(), 2, Map.of("outcome", "DECLINED", "reason", "A duplicate of another referral.")).status())
                .isEqualTo(200);
        made.replaceAll(r -> api.get(r.referralId()));
    }

    List<JsonNode> all(Map<String, String> filters, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> q = new HashMap<>(filters);
            q.put("limit", Integer.toString(limit));
            if (cursor != null) {
                q.put("cursor", cursor);
            }
            Api.Answer a = api.list("carol.diaz", q);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body().path("items").size()).isLessThanOrEqualTo(limit);
            a.body().path("items").forEach(items::add);
            cursor = a.body().path("nextCursor").isNull() ? null : a.body().path("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    List<String> expected(Predicate<ReferralRecord> p) {
        return made.stream().filter(r -> ReferralRecord.OPEN.equals(r.worklist())).filter(p)
                .map(ReferralRecord::referralId).sorted().toList();
    }

    static List<String> ids(List<JsonNode> items) {
        return items.stream().map(n -> n.path("referralId").asText()).sorted().toList();
    }

    @Test
    void withoutFiltersEveryOpenReferral() {
        List<JsonNode> items = all(Map.of(), 100);
        assertThat(ids(items)).isEqualTo(expected(r -> true)).hasSize(35);
        JsonNode first = items.get(0);
        assertThat(first.path("disposition").asText()).isEqualTo("EMERGENCY");
        assertThat(first.path("overdue").asBoolean()).isTrue();
        assertThat(first.path("regions").isArray()).isTrue();
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("referralId", "intakeId", "band", "status", "disposition", "tier", "score",
                "regions", "redFlags", "repeatRfaCandidate", "priorityKey", "submittedAt", "dueAt", "overdue", "assignee",
                "leaseUntil", "version");
        assertThat(first.path("band").asText()).isEqualTo("EMERGENCY");
        // the lists in order: every band's items after the previous band's
        List<String> bands = items.stream().map(n -> n.path("band").asText()).toList();
        List<String> order = io.spineintake.platform.referrals.Band.IN_ORDER.stream().map(Enum::name).toList();
        for (int i = 1; i < bands.size(); i++) {
            assertThat(order.indexOf(bands.get(i))).isGreaterThanOrEqualTo(order.indexOf(bands.get(i - 1)));
        }
        assertThat(bands).containsOnly(order.toArray(String[]::new)).contains(order.toArray(String[]::new));
    }

    @Test
    void eachFilterNarrowsTheWorklist() {
        assertThat(ids(all(Map.of("status", "IN_REVIEW"), 10))).isEqualTo(expected(r -> r.status().name().equals("IN_REVIEW")))
                .hasSize(3);
        assertThat(ids(all(Map.of("status", "WAITING_FOR_PATIENT"), 10))).containsExactly(made.get(3).referralId());
        assertThat(ids(all(Map.of("status", "NEW"), 7))).isEqualTo(expected(r -> r.status().name().equals("NEW")));
        for (String d : List.of("EMERGENCY", "URGENT_REVIEW", "CONSULT", "OTHER_PATHWAY", "CONSERVATIVE_CARE_FIRST")) {
            assertThat(ids(all(Map.of("disposition", d), 5))).isEqualTo(expected(r -> r.disposition().name().equals(d))).isNotEmpty();
        }
        for (String region : List.of("LUMBAR", "CERVICAL", "THORACIC")) {
            assertThat(ids(all(Map.of("region", region), 4))).as(region)
                    .isEqualTo(expected(r -> r.regions().stream().map(Enum::name).toList().contains(region))).isNotEmpty();
        }
        for (String t : List.of("HIGH", "MODERATE", "LOW")) {
            assertThat(ids(all(Map.of("tier", t), 3))).isEqualTo(expected(r -> r.tier().name().equals(t))).isNotEmpty();
        }
        assertThat(ids(all(Map.of("assignee", "alice.ng"), 1)))
                .containsExactlyInAnyOrder(made.get(0).referralId(), made.get(1).referralId());
        assertThat(ids(all(Map.of("assignee", "bob.okafor", "status", "IN_REVIEW"), 25)))
                .containsExactly(made.get(2).referralId());
        assertThat(ids(all(Map.of("disposition", "CONSULT", "tier", "LOW", "region", "LUMBAR"), 2)))
                .isEqualTo(expected(r -> r.disposition().name().equals("CONSULT") && r.tier().name().equals("LOW")
                        && r.regions().stream().map(Enum::name).toList().contains("LUMBAR")));
    }

    @Test
    void limitDefaultsTo25AndIsBounded() {
        Api.Answer first = api.list("carol.diaz", null);
        assertThat(first.body().path("items").size()).isEqualTo(25);
        assertThat(first.body().path("nextCursor").isTextual()).isTrue();
        assertThat(api.list("carol.diaz", Map.of("limit", "1")).body().path("items").size()).isEqualTo(1);
        assertThat(api.list("carol.diaz", Map.of("limit", "100")).body().path("items").size()).isEqualTo(35);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "limit | 0", "limit | 101", "limit | -1", "limit | ten", "limit | ''", "limit | 99999999999",
            "status | DECIDED", "status | new", "disposition | consult", "disposition | OTHER", "region | SACRAL", "tier | VERY_HIGH",
            "assignee | ''", "assignee | has space", "sort | priority"})
    void badQueryValuesAre400WithAPointerNamingTheParameter(String name, String value) {
        Api.Answer a = api.list("carol.diaz", Map.of(name, value));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.type()).isEqualTo(ApiProblem.INVALID_QUERY);
        assertThat(a.pointers()).containsExactly("/query/" + name);
    }

    @Test
    void tooLongAssigneeIs400() {
        assertThat(api.list("carol.diaz", Map.of("assignee", "a".repeat(129))).pointers()).containsExactly("/query/assignee");
        assertThat(api.list("carol.diaz", Map.of("assignee", "a".repeat(128))).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage!", "e30", "bm90IGpzb24", "eyJ2IjoxfQ", "", "%%%"})
    void garbageCursorsAre400(String cursor) {
        Api.Answer a = api.list("carol.diaz", Map.of("cursor", cursor));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.type()).isEqualTo(ApiProblem.INVALID_CURSOR);
        assertThat(a.pointers()).containsExactly("/query/cursor");
    }

    @Test
    void tamperedCursorsAre400() {
        String cursor = api.list("carol.diaz", Map.of("limit", "2")).body().path("nextCursor").asText();
        String tag = cursor.substring(cursor.indexOf('.'));
        String json = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))), StandardCharsets.UTF_8);
        assertThat(json).as("a cursor inside a segment").contains("\"key\":{");
        for (String tampered : List.of(
                json.replaceFirst("\"seg\":\\d+", "\"seg\":20"),
                json.replaceFirst("\"seg\":\\d+", "\"seg\":-1"),
                json.replaceFirst("\"seg\":\\d+", "\"seg\":4"), // key's band no longer matches the segment
                json.replaceFirst("\"asOf\":\"[^\"]+\"", "\"asOf\":\"yesterday\""),
                json.replaceFirst("\"referralId\":\"[^\"]+\"", "\"referralId\":\"x\""),
                json.replaceFirst("\"v\":1", "\"v\":2"),
                json.replaceFirst("\\{", "{\"extra\":1,"))) {
            assertThat(tampered).isNotEqualTo(json);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.getBytes(StandardCharsets.UTF_8));
            assertThat(api.list("carol.diaz", Map.of("cursor", encoded + tag)).status()).as(tampered).isEqualTo(400);
            // and even correctly signed, a cursor this API could not have made is refused
            String signed = new CursorSigner(Api.CURSOR_KEY).sign(tampered.getBytes(StandardCharsets.UTF_8));
            assertThat(api.list("carol.diaz", Map.of("cursor", signed)).status()).as("signed " + tampered).isEqualTo(400);
        }
    }

    @Test
    void aCursorOnlyContinuesTheListingOfItsFilters() {
        String cursor = api.list("carol.diaz", Map.of("disposition", "CONSULT", "limit", "2"))
                .body().path("nextCursor").asText();
        Api.Answer same = api.list("carol.diaz", Map.of("disposition", "CONSULT", "cursor", cursor));
        assertThat(same.status()).isEqualTo(200);
        Api.Answer other = api.list("carol.diaz", Map.of("disposition", "URGENT_REVIEW", "cursor", cursor));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.type()).isEqualTo(ApiProblem.INVALID_CURSOR);
        assertThat(api.list("carol.diaz", Map.of("cursor", cursor)).status()).as("no filters").isEqualTo(400);
        // the limit may change from page to page
        assertThat(api.list("carol.diaz", Map.of("disposition", "CONSULT", "cursor", cursor, "limit", "50")).status())
                .isEqualTo(200);
    }
}
