package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The caller's identity and group, the If-Match header and the cursor, without a table. */
class CoordinatorTest {

    @Test
    void groupsInEveryShape() {
        assertThat(Coordinator.groups("[coordinators other]")).containsExactly("coordinators", "other");
        assertThat(Coordinator.groups("coordinators")).containsExactly("coordinators");
        assertThat(Coordinator.groups("[\"coordinators\"]")).containsExactly("coordinators");
        assertThat(Coordinator.groups("[\"a\", \"coordinators\"]")).containsExactly("a", "coordinators");
        assertThat(Coordinator.groups("a,coordinators")).containsExactly("a", "coordinators");
        assertThat(Coordinator.groups("[]")).isEmpty();
        assertThat(Coordinator.groups("")).isEmpty();
        assertThat(Coordinator.groups(null)).isEmpty();
        assertThat(Coordinator.groups("[coordinators-trainee]")).doesNotContain("coordinators");
    }

    @Test
    void identityFromClaims() {
        Map<String, String> claims = new HashMap<>(Map.of("cognito:groups", "[coordinators]", "sub", "s-1"));
        assertThat(Coordinator.from(claims)).contains(new Coordinator("s-1"));
        claims.put("username", "u.one");
        assertThat(Coordinator.from(claims)).contains(new Coordinator("u.one"));
        claims.put("cognito:username", "c.one");
        assertThat(Coordinator.from(claims)).contains(new Coordinator("c.one"));
        claims.put("cognito:username", "has space");
        assertThat(Coordinator.from(claims)).as("not a username").isEmpty();
        claims.put("cognito:username", "x".repeat(129));
        assertThat(Coordinator.from(claims)).isEmpty();
        assertThat(Coordinator.from(Map.of("cognito:groups", "[coordinators]"))).as("nobody").isEmpty();
        assertThat(Coordinator.from(Map.of("sub", "s-1"))).as("no group").isEmpty();
        assertThat(Coordinator.from(Map.of())).isEmpty();
        assertThat(Coordinator.validUsername("Zoë.Ármann@example.org")).isTrue();
        assertThat(Coordinator.validUsername("tab\there")).isFalse();
        assertThat(Coordinator.validUsername("zero\u200bwidth")).isFalse();
    }

    @Test
    void ifMatchForms() {
        assertThat(TriageApiHandler.ifMatch(Optional.of("\"7\""))).isEqualTo(7);
        assertThat(TriageApiHandler.ifMatch(Optional.of("7"))).isEqualTo(7);
        assertThat(TriageApiHandler.ifMatch(Optional.of("W/\"7\""))).isEqualTo(7);
        assertThat(TriageApiHandler.ifMatch(Optional.of("  \"12\" "))).isEqualTo(12);
        assertThatThrownBy(() -> TriageApiHandler.ifMatch(Optional.empty()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(428));
        for (String bad : new String[] {"*", "W/7x", "\"7\",\"8\"", "0", "\"\"", "1234567890123456789"}) {
            assertThatThrownBy(() -> TriageApiHandler.ifMatch(Optional.of(bad))).as(bad)
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400));
        }
    }

    @Test
    void cursorsRoundTrip() {
        WorklistCursor start = new WorklistCursor("2026-11-27T09:00:00.000Z", 3, null, null, "abc");
        assertThat(WorklistCursor.decode(start.encode())).isEqualTo(start);
        WorklistCursor inside = new WorklistCursor("2026-11-27T09:00:00.000Z", 5,
                "3f1c9a52-7d4e-4b8a-9e21-5c6d7e8f9a01", "2-9-040-0001795770000000", "abc");
        assertThat(WorklistCursor.decode(inside.encode())).isEqualTo(inside);
        assertThat(inside.startKey()).containsOnlyKeys("referralId", "worklist", "priorityKey");
        assertThat(inside.encode()).matches("[A-Za-z0-9_-]+");
        assertThatThrownBy(() -> WorklistCursor.decode("x".repeat(2000))).isInstanceOf(ApiProblem.class);
    }

    @Test
    void segmentsRunBandByBandOverdueFirst() {
        assertThat(WorklistCursor.band(0)).isEqualTo("0");
        assertThat(WorklistCursor.overdue(0)).isTrue();
        assertThat(WorklistCursor.overdue(1)).isFalse();
        assertThat(WorklistCursor.band(5)).isEqualTo("2");
        assertThat(WorklistCursor.segmentOf("2", true)).isEqualTo(4);
        assertThat(WorklistCursor.band(WorklistCursor.SEGMENTS - 1)).isEqualTo("9");
    }
}
