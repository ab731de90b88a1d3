package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spineintake.platform.http.Problem;
import io.spineintake.platform.referrals.Band;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The caller's identity and group, the If-Match header and the cursor, without a table. */
class CoordinatorTest {

    @Test
    void groupsAsHttpApisPassThem() {
        assertThat(Coordinator.groups("[coordinators]")).as("one group").containsExactly("coordinators");
        assertThat(Coordinator.groups("[admins coordinators]")).containsExactly("admins", "coordinators");
        assertThat(Coordinator.groups("[coordinators,x]")).as("one group whose name has a comma")
                .containsExactly("coordinators,x");
        assertThat(Coordinator.groups("[\"coordinators\"]")).as("quotes are part of a name")
                .containsExactly("\"coordinators\"");
        assertThat(Coordinator.groups("[[coordinators]]")).containsExactly("[coordinators]");
        assertThat(Coordinator.groups("[]")).isEmpty();
        assertThat(Coordinator.groups("")).isEmpty();
        assertThat(Coordinator.groups(null)).isEmpty();
    }

    @Test
    void onlyAnExactGroupNameGrantsAccess() {
        for (String claim : new String[] {"coordinators", "coordinators,x", "x coordinators", "a,coordinators",
                "[coordinators,x]", "[x,coordinators]", "[\"coordinators\"]", "[coordinators-trainee]",
                "[Coordinators]", "[coordinators ]", "[ coordinators]", "[x  coordinators]", "[coordinators\tx]",
                "[coordinators]]", "[[coordinators]", " [coordinators]", "[coordinators] "}) {
            assertThat(Coordinator.from(Map.of("cognito:groups", claim, "cognito:username", "alice.ng")))
                    .as(claim).isEmpty();
        }
        for (String claim : new String[] {"[coordinators]", "[admins coordinators]", "[coordinators,x coordinators]"}) {
            assertThat(Coordinator.from(Map.of("cognito:groups", claim, "cognito:username", "alice.ng")))
                    .as(claim).contains(new Coordinator("alice.ng"));
        }
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

    static final CursorSigner SIGNER = new CursorSigner(Api.CURSOR_KEY);
    static final java.time.Instant NOW = java.time.Instant.parse("2026-11-27T09:05:00Z");

    @Test
    void cursorsRoundTrip() {
        WorklistCursor start = new WorklistCursor("2026-11-27T09:00:00.000Z", 3, null, null, "abc");
        assertThat(WorklistCursor.decode(start.encode(SIGNER), SIGNER, NOW)).isEqualTo(start);
        WorklistCursor inside = new WorklistCursor("2026-11-27T09:00:00.000Z", 5,
                "3f1c9a52-7d4e-4b8a-9e21-5c6d7e8f9a01", "2-9-040-0001795770000000", "abc");
        assertThat(WorklistCursor.decode(inside.encode(SIGNER), SIGNER, NOW)).isEqualTo(inside);
        assertThat(inside.startKey()).containsOnlyKeys("referralId", "worklist", "priorityKey");
        assertThat(inside.encode(SIGNER)).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThatThrownBy(() -> WorklistCursor.decode("x".repeat(2000), SIGNER, NOW)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void anyEditToACursorIsRefused() {
        String token = new WorklistCursor("2026-11-27T09:00:00.000Z", 3, null, null, "abc").encode(SIGNER);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        String editedAsOf = payload.replace("09:00:00.000Z", "08:00:00.000Z");
        assertThat(editedAsOf).isNotEqualTo(payload);
        String edited = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                editedAsOf.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
        for (String bad : new String[] {edited, token.substring(0, token.indexOf('.')), token + "A", "A" + token,
                token.replace('.', ','), new WorklistCursor("2026-11-27T09:00:00.000Z", 3, null, null, "abc")
                        .encode(new CursorSigner("another-key-another-key-another-key!!"))}) {
            assertThatThrownBy(() -> WorklistCursor.decode(bad, SIGNER, NOW)).as(bad)
                    .isInstanceOfSatisfying(ApiProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(400);
                        assertThat(p.problem().type()).isEqualTo(ApiProblem.INVALID_CURSOR);
                    });
        }
    }

    @Test
    void aCursorOlderThanItsBoundIsRefusedAndSaysToStartAgain() {
        String token = new WorklistCursor("2026-11-27T09:00:00.000Z", 3, null, null, "abc").encode(SIGNER);
        java.time.Instant asOf = java.time.Instant.parse("2026-11-27T09:00:00Z");
        assertThat(WorklistCursor.decode(token, SIGNER, asOf.plus(WorklistCursor.MAX_AGE)).segment()).isEqualTo(3);
        assertThatThrownBy(() -> WorklistCursor.decode(token, SIGNER, asOf.plus(WorklistCursor.MAX_AGE).plusMillis(1)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.problem().type()).isEqualTo(ApiProblem.CURSOR_EXPIRED);
                    assertThat(p.problem().detail()).contains("start paging again");
                    assertThat(p.problem().errors()).extracting(Problem.FieldError::pointer).containsExactly("/query/cursor");
                });
        assertThatThrownBy(() -> WorklistCursor.decode(token, SIGNER, asOf.minus(java.time.Duration.ofMinutes(2))))
                .as("a listing that starts in the future").isInstanceOf(ApiProblem.class);
    }

    @Test
    void segmentsRunBandByBandOverdueFirst() {
        assertThat(WorklistCursor.SEGMENTS).as("two segments per band, no more").isEqualTo(2 * Band.IN_ORDER.size());
        assertThat(WorklistCursor.band(0)).isEqualTo(Band.EMERGENCY);
        assertThat(WorklistCursor.overdue(0)).isTrue();
        assertThat(WorklistCursor.overdue(1)).isFalse();
        assertThat(WorklistCursor.band(5)).isEqualTo(Band.CONSULT);
        assertThat(WorklistCursor.band(WorklistCursor.SEGMENTS - 1)).isEqualTo(Band.IN_ORDER.get(Band.IN_ORDER.size() - 1));
    }
}
