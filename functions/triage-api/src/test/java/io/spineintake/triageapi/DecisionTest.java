package io.spineintake.triageapi;

import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.Outcome;
import io.spineintake.triage.assess.Disposition;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /referrals/{id}/decision: If-Match, the claim, the body, and what each outcome does. */
@ExtendWith(LocalAwsExtension.class)
class DecisionTest {
    Api api;

    @BeforeEach
    void setUp(LocalAws aws) {
        api = new Api(aws);
    }

    /** A NEW consult referral claimed by alice.ng: version 2. */
    String claimed() {
        String id = api.create(Api.Spec.consult()).referralId();
        assertThat(api.claim("alice.ng", id).status()).isEqualTo(200);
        return id;
    }

    static Map<String, Object> decision(String outcome) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("outcome", outcome);
        return d;
    }

    @Test
    void aClosingDecisionTakesTheReferralOffTheWorklist() {
        String id = claimed();
        Map<String, Object> d = decision("SCHEDULE_CONSULT");
        d.put("note", "Book with the facet clinic; ConfidentialNoteMarker one.");
        Api.Answer a = api.decide("alice.ng", id, 2, d);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.etag()).isEqualTo("\"3\"");
        assertThat(a.body().path("status").asText()).isEqualTo("DECIDED");
        assertThat(a.body().path("outcome").asText()).isEqualTo("SCHEDULE_CONSULT");
        assertThat(a.body().path("decidedBy").asText()).isEqualTo("alice.ng");
        assertThat(a.body().path("decidedAt").asText()).isEqualTo("2026-11-27T09:00:00.000Z");
        assertThat(a.body().path("open").asBoolean()).isFalse();
        assertThat(a.body().path("assignee").isNull()).isTrue();

        ReferralRecord r = api.get(id);
        assertThat(r.worklist()).isNull();
        assertThat(r.leaseUntil()).isNull();
        assertThat(r.note()).contains("facet clinic");
        AuditEntry last = api.audit(r).get(api.audit(r).size() - 1);
        assertThat(last.action()).isEqualTo(AuditAction.DECIDED);
        assertThat(last.outcome()).isEqualTo(Outcome.SCHEDULE_CONSULT);
        assertThat(last.status()).isEqualTo(ReferralStatus.DECIDED);
        assertThat(last.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(last.version()).isEqualTo(3L);
        assertThat(api.list("bob.okafor", null).body().path("items").findValuesAsText("referralId")).doesNotContain(id);
    }

    @Test
    void anOverrideKeepsTheOriginalDispositionAndTheReason() {
        String id = claimed();
        Map<String, Object> d = decision("CONSERVATIVE_CARE_FIRST");
        d.put("overrideDisposition", "CONSERVATIVE_CARE_FIRST");
        d.put("reason", "Only six weeks of symptoms on review of the imaging.");
        Api.Answer a = api.decide("alice.ng", id, "W/\"2\"", Api.json(d));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().path("disposition").asText()).isEqualTo("CONSERVATIVE_CARE_FIRST");
        assertThat(a.body().path("originalDisposition").asText()).isEqualTo("CONSULT");
        assertThat(a.body().path("reason").asText()).startsWith("Only six weeks");
        AuditEntry last = api.audit(api.get(id)).get(api.audit(api.get(id)).size() - 1);
        assertThat(last.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE_FIRST);
        assertThat(last.reason()).startsWith("Only six weeks");
    }

    @Test
    void needsMoreInformationStaysOpenUnclaimedAndASecondOverrideKeepsTheFirstOriginal() {
        String id = claimed();
        Map<String, Object> d = decision("NEEDS_MORE_INFORMATION");
        d.put("overrideDisposition", "URGENT_REVIEW");
        d.put("reason", "Night pain mentioned on the phone.");
        Api.Answer waiting = api.decide("alice.ng", id, "2", Api.json(d));
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.body().path("status").asText()).isEqualTo("WAITING_FOR_PATIENT");
        assertThat(waiting.body().path("open").asBoolean()).isTrue();
        assertThat(waiting.body().path("assignee").isNull()).isTrue();
        assertThat(api.get(id).worklist()).isEqualTo(ReferralRecord.OPEN);
        assertThat(api.get(id).priorityKey()).as("overridden to URGENT_REVIEW: the urgent band").startsWith("1-");

        assertThat(api.claim("bob.okafor", id).etag()).isEqualTo("\"4\"");
        Map<String, Object> second = decision("OTHER_PATHWAY");
        second.put("overrideDisposition", "OTHER_PATHWAY");
        second.put("reason", "Inflammatory picture: rheumatology.");
        Api.Answer decided = api.decide("bob.okafor", id, 4, second);
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("disposition").asText()).isEqualTo("OTHER_PATHWAY");
        assertThat(decided.body().path("originalDisposition").asText()).as("the first one stays").isEqualTo("CONSULT");
        assertThat(decided.body().path("note").isNull()).isTrue();
    }

    @Test
    void escalationMovesTheReferralToTheUrgentBandUnclaimed() {
        ReferralRecord created = api.create(Api.Spec.consult());
        String id = created.referralId();
        api.claim("alice.ng", id);
        Api.Answer a = api.decide("alice.ng", id, 2, decision("ESCALATE_TO_URGENT"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().path("status").asText()).isEqualTo("NEW");
        assertThat(a.body().path("disposition").asText()).isEqualTo("URGENT_REVIEW");
        assertThat(a.body().path("priorityKey").asText()).isEqualTo("1" + created.priorityKey().substring(1));
        assertThat(a.body().path("open").asBoolean()).isTrue();
        assertThat(api.list("bob.okafor", Map.of("disposition", "URGENT_REVIEW")).body().path("items")
                .findValuesAsText("referralId")).containsExactly(id);

        // an emergency referral cannot be "escalated" to urgent
        String emergency = api.create(Api.Spec.consult().disposition("EMERGENCY")).referralId();
        api.claim("alice.ng", emergency);
        Api.Answer refused = api.decide("alice.ng", emergency, 2, decision("ESCALATE_TO_URGENT"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.type()).isEqualTo(ApiProblem.ESCALATION_NOT_APPLICABLE);
    }

    @Test
    void aStaleVersionIs412EvenForTheHolder() {
        String id = claimed();
        Api.Answer stale = api.decide("alice.ng", id, 1, decision("DECLINED"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.type()).isEqualTo(ApiProblem.VERSION_MISMATCH);
        // and from someone without the claim, the version is checked first
        assertThat(api.decide("bob.okafor", id, 7, decision("DECLINED")).status()).isEqualTo(412);
        assertThat(api.get(id).version()).isEqualTo(2L);
    }

    @Test
    void aDecisionFromSomeoneWithoutTheClaimIs409() {
        String id = claimed();
        Api.Answer other = api.decide("bob.okafor", id, 2, decision("DECLINED"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.type()).isEqualTo(ApiProblem.CLAIM_NOT_HELD);
        assertThat(other.body().path("detail").asText()).contains("alice.ng");

        String unclaimed = api.create(Api.Spec.consult()).referralId();
        assertThat(api.decide("alice.ng", unclaimed, 1, decision("DECLINED")).status()).isEqualTo(409);

        // the holder's lease ran out
        api.clock.advance(Duration.ofMinutes(30));
        Api.Answer expired = api.decide("alice.ng", id, 2, decision("DECLINED"));
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.body().path("detail").asText()).contains("expired");
        assertThat(api.get(id).status()).isEqualTo(ReferralStatus.IN_REVIEW);
    }

    @Test
    void aViewDoesNotInvalidateIfMatch() {
        String id = claimed();
        assertThat(api.view("alice.ng", id).etag()).isEqualTo("\"2\"");
        assertThat(api.view("bob.okafor", id).etag()).isEqualTo("\"2\"");
        assertThat(api.decide("alice.ng", id, 2, decision("DECLINED")).status()).isEqualTo(200);
    }

    @Test
    void withoutIfMatchIs428AndAMalformedOneIs400() {
        String id = claimed();
        Api.Answer missing = api.decide("alice.ng", id, null, Api.json(decision("DECLINED")));
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.type()).isEqualTo(ApiProblem.IF_MATCH_REQUIRED);
        for (String bad : new String[] {"*", "\"abc\"", "\"2\", \"3\"", "", "W/", "\"0\"", "-2", "\"2"}) {
            Api.Answer a = api.decide("alice.ng", id, bad, Api.json(decision("DECLINED")));
            assertThat(a.status()).as("If-Match [%s]", bad).isEqualTo(400);
            assertThat(a.type()).isEqualTo(ApiProblem.INVALID_IF_MATCH);
        }
        assertThat(api.get(id).version()).isEqualTo(2L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // body | status | pointer
            "not json at all | 400 | ''",
            "[\"SCHEDULE_CONSULT\"] | 400 | ''",
            "{\"outcome\":\"SCHEDULE_CONSULT\"} trailing | 400 | ''",
            "{\"outcome\":\"A\",\"outcome\":\"B\"} | 400 | ''",
            "{} | 422 | /outcome",
            "{\"outcome\":\"MAYBE_LATER\"} | 422 | /outcome",
            "{\"outcome\":7} | 422 | /outcome",
            "{\"outcome\":null} | 422 | /outcome",
            // an override needs a reason (decided by the aggregate; still nothing written)
            "{\"outcome\":\"DECLINED\",\"overrideDisposition\":\"CONSULT\"} | 422 | /reason",
            "{\"outcome\":\"DECLINED\",\"overrideDisposition\":\"CONSULT\",\"reason\":\"   \"} | 422 | /reason",
            "{\"outcome\":\"DECLINED\",\"reason\":7} | 422 | /reason",
            // the field's name before 1.1.0 is an unknown field now
            "{\"outcome\":\"DECLINED\",\"overrideDisposition\":\"CONSULT\",\"overrideReason\":\"x\"} | 422 | /overrideReason",
            "{\"outcome\":\"DECLINED\",\"overrideDisposition\":\"SOMEWHERE\",\"reason\":\"x\"} | 422 | /overrideDisposition",
            "{\"outcome\":\"ESCALATE_TO_URGENT\",\"overrideDisposition\":\"CONSULT\",\"reason\":\"x\"} | 422 | /overrideDisposition",
            "{\"outcome\":\"DECLINED\",\"note\":42} | 422 | /note",
            "{\"outcome\":\"DECLINED\",\"priority\":\"high\"} | 422 | /priority",
            "{\"outcome\":\"DECLINED\",\"a/b\":1} | 422 | /a~1b",
    })
    void malformedBodiesAreProblemsWithThePointer(String body, int status, String pointer) {
        String id = claimed();
        Api.Answer a = api.decide("alice.ng", id, "\"2\"", body);
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.type()).isEqualTo(status == 400 ? ApiProblem.MALFORMED_BODY : ApiProblem.INVALID_DECISION);
        assertThat(a.pointers()).contains(pointer);
        assertThat(api.get(id).version()).as("nothing written").isEqualTo(2L);
    }

    @Test
    void textLimits() {
        String id = claimed();
        Map<String, Object> longNote = decision("DECLINED");
        longNote.put("note", "n".repeat(2001));
        Api.Answer a = api.decide("alice.ng", id, 2, longNote);
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.pointers()).containsExactly("/note");

        Map<String, Object> longReason = decision("DECLINED");
        longReason.put("overrideDisposition", "CONSULT");
        longReason.put("reason", "r".repeat(1001));
        assertThat(api.decide("alice.ng", id, 2, longReason).pointers()).containsExactly("/reason");

        // several errors at once, each with its pointer
        Map<String, Object> many = new HashMap<>();
        many.put("outcome", "NOPE");
        many.put("note", "n".repeat(2001));
        many.put("extra", true);
        assertThat(api.decide("alice.ng", id, 2, many).pointers()).containsExactlyInAnyOrder("/outcome", "/note", "/extra");

        // exactly at the limits (2000 characters, counted as characters, not bytes)
        Map<String, Object> atLimit = decision("DECLINED");
        atLimit.put("note", "é".repeat(2000));
        atLimit.put("overrideDisposition", "CONSULT");
        atLimit.put("reason", "r".repeat(1000));
        assertThat(api.decide("alice.ng", id, 2, atLimit).status()).isEqualTo(200);
    }

    @Test
    void bodyMustBeJsonAndAtMost16KiB() {
        String id = claimed();
        APIGatewayV2HTTPEvent e = Api.event(TriageApiHandler.DECISION, id, Api.coordinator("alice.ng"));
        e.getHeaders().put("if-match", "\"2\"");
        e.getHeaders().put("content-type", "text/plain");
        e.setBody(Api.json(decision("DECLINED")));
        assertThat(api.call(e).status()).isEqualTo(415);

        e.getHeaders().put("content-type", "application/json; charset=utf-8");
        e.setBody("{\"outcome\":\"DECLINED\",\"note\":\"" + "x".repeat(17_000) + "\"}");
        assertThat(api.call(e).status()).isEqualTo(413);

        e.setBody(null);
        Api.Answer empty = api.call(e);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.type()).isEqualTo(ApiProblem.MALFORMED_BODY);
    }

    @ParameterizedTest
    @ValueSource(strings = {TriageApiHandler.LIST, TriageApiHandler.STATS, TriageApiHandler.DETAIL,
            TriageApiHandler.CLAIM, TriageApiHandler.RELEASE, TriageApiHandler.DECISION})
    void everyRouteIs403WithoutTheGroup(String route) {
        String id = api.create(Api.Spec.consult()).referralId();
        Map<String, String> noGroup = new HashMap<>(Api.coordinator("alice.ng"));
        noGroup.remove("cognito:groups");
        Map<String, String> otherGroups = new HashMap<>(Api.coordinator("alice.ng"));
        otherGroups.put("cognito:groups", "[clinicians coordinators-trainee]");
        for (Map<String, String> claims : java.util.Arrays.asList(noGroup, otherGroups, Map.<String, String>of(), null)) {
            APIGatewayV2HTTPEvent e = Api.event(route, id, claims);
            e.getHeaders().put("if-match", "\"1\"");
            e.getHeaders().put("content-type", "application/json");
            e.setBody(Api.json(decision("DECLINED")));
            Api.Answer a = api.call(e);
            assertThat(a.status()).as("%s with claims %s", route, claims).isEqualTo(403);
            assertThat(a.type()).isEqualTo(ApiProblem.NOT_A_COORDINATOR);
        }
        ReferralRecord r = api.get(id);
        assertThat(r.version()).isEqualTo(1L);
        assertThat(api.audit(r)).extracting(AuditEntry::action).containsExactly(AuditAction.CREATED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[coordinators]|200", "[admins coordinators]|200", "[coordinators admins]|200",
            "coordinators|403", "coordinators,x|403", "x coordinators|403", "[coordinators,x]|403",
            "[\"coordinators\"]|403", "[\"admins\",\"coordinators\"]|403", "admins,coordinators|403"})
    void theGroupClaimIsReadExactlyAsHttpApisSendIt(String groups, int status) {
        Map<String, String> claims = new HashMap<>(Api.coordinator("alice.ng"));
        claims.put("cognito:groups", groups);
        assertThat(api.call(Api.event(TriageApiHandler.STATS, null, claims)).status()).as(groups).isEqualTo(status);
    }

    @Test
    void theUsernameFallsBackToUsernameThenSub() {
        String id = api.create(Api.Spec.consult()).referralId();
        Map<String, String> claims = new HashMap<>(Api.coordinator("ignored"));
        claims.remove("cognito:username");
        claims.put("username", "carol.diaz");
        assertThat(api.call(Api.event(TriageApiHandler.CLAIM, id, claims)).body().path("assignee").asText())
                .isEqualTo("carol.diaz");
        claims.remove("username");
        Api.Answer bySub = api.call(Api.event(TriageApiHandler.CLAIM, id, claims));
        assertThat(bySub.status()).as("sub is another user: alice's lease holds").isEqualTo(409);
    }

    @Test
    void anUnknownRouteIs404() {
        Api.Answer a = api.call(Api.event("DELETE /referrals/{id}", "6b0f3c8e-0000-4000-8000-000000000000",
                Api.coordinator("alice.ng")));
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.type()).isEqualTo(ApiProblem.UNKNOWN_ROUTE);
    }

    @Test
    void aMalformedPercentEscapeIsA400ProblemOnEveryRoute() {
        String id = api.create(Api.Spec.consult()).referralId();
        for (String route : TriageApiHandler.ROUTES) {
            APIGatewayV2HTTPEvent inPath = Api.event(route, id, Api.coordinator("alice.ng"));
            inPath.setRawPath(inPath.getRawPath() + "%ZZ");
            APIGatewayV2HTTPEvent inQuery = Api.event(route, id, Api.coordinator("alice.ng"));
            inQuery.setRawQueryString("limit=%Z1");
            inQuery.setQueryStringParameters(new HashMap<>(Map.of("limit", "%Z1")));
            for (APIGatewayV2HTTPEvent e : List.of(inPath, inQuery)) {
                Api.Answer a = api.call(e);
                assertThat(a.status()).as(route).isEqualTo(400);
                assertThat(a.type()).isEqualTo(io.spineintake.platform.http.RequestTargets.MALFORMED_TARGET);
                assertThat(a.headers().get("Content-Type")).isEqualTo("application/problem+json");
            }
        }
        // as API Gateway passes /referrals/%ZZ: the id path parameter is the raw text
        APIGatewayV2HTTPEvent e = Api.event(TriageApiHandler.DETAIL, "%ZZ", Api.coordinator("alice.ng"));
        assertThat(api.call(e).status()).isEqualTo(400);
        assertThat(api.audit(api.get(id))).extracting(AuditEntry::action).containsExactly(AuditAction.CREATED);
    }

    @Test
    void anEmergencyIsNeverClosedAsARoutineConsultWithoutAnAuditedOverride() {
        String id = api.create(Api.Spec.consult().disposition("EMERGENCY")).referralId();
        api.claim("alice.ng", id);
        for (String outcome : List.of("SCHEDULE_CONSULT", "OTHER_PATHWAY", "CONSERVATIVE_CARE_FIRST", "ESCALATE_TO_URGENT")) {
            Api.Answer refused = api.decide("alice.ng", id, 2, decision(outcome));
            assertThat(refused.status()).as(outcome).isIn(409, 422);
            if (refused.status() == 422) {
                assertThat(refused.type()).isEqualTo(ApiProblem.INVALID_DECISION);
                assertThat(refused.pointers()).containsExactly("/outcome");
                assertThat(refused.body().path("detail").asText()).contains("REFERRED_TO_EMERGENCY_CARE");
            }
        }
        // an override that does not allow the outcome is refused too
        Map<String, Object> mismatched = decision("SCHEDULE_CONSULT");
        mismatched.put("overrideDisposition", "OTHER_PATHWAY");
        mismatched.put("reason", "Not an emergency.");
        assertThat(api.decide("alice.ng", id, 2, mismatched).status()).isEqualTo(422);
        ReferralRecord untouched = api.get(id);
        assertThat(untouched.version()).isEqualTo(2L);
        assertThat(untouched.status()).isEqualTo(ReferralStatus.IN_REVIEW);
        assertThat(api.audit(untouched)).extracting(AuditEntry::action).containsExactly(AuditAction.CREATED, AuditAction.CLAIMED);

        Map<String, Object> overridden = decision("SCHEDULE_CONSULT");
        overridden.put("overrideDisposition", "CONSULT");
        overridden.put("reason", "Called the patient: numbness was from a tight belt, gone now.");
        Api.Answer decided = api.decide("alice.ng", id, 2, overridden);
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("originalDisposition").asText()).isEqualTo("EMERGENCY");
        AuditEntry entry = api.audit(api.get(id)).get(2);
        assertThat(entry.action()).isEqualTo(AuditAction.DECIDED);
        assertThat(entry.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(entry.overriddenDisposition()).isEqualTo(Disposition.EMERGENCY);
        assertThat(entry.reason()).isEqualTo("Called the patient: numbness was from a tight belt, gone now.");
    }

    @Test
    void anEmergencyClosesAsReferredToEmergencyCare() {
        String id = api.create(Api.Spec.consult().disposition("EMERGENCY")).referralId();
        api.claim("alice.ng", id);
        // closing an emergency needs a reason: 422 pointing at it, nothing written
        Api.Answer bare = api.decide("alice.ng", id, 2, decision("REFERRED_TO_EMERGENCY_CARE"));
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.type()).isEqualTo(ApiProblem.INVALID_DECISION);
        assertThat(bare.pointers()).containsExactly("/reason");
        assertThat(api.get(id).version()).isEqualTo(2L);
        Map<String, Object> d = decision("REFERRED_TO_EMERGENCY_CARE");
        d.put("reason", "Spoke to the patient: on the way to the ED.");
        Api.Answer a = api.decide("alice.ng", id, 2, d);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().path("open").asBoolean()).isFalse();
        assertThat(a.body().path("reason").asText()).isEqualTo("Spoke to the patient: on the way to the ED.");
        assertThat(api.audit(api.get(id)).get(2).overriddenDisposition()).isNull();
        assertThat(api.audit(api.get(id)).get(2).reason()).isEqualTo("Spoke to the patient: on the way to the ED.");
        // and a routine referral cannot be closed that way without an override
        String consult = api.create(Api.Spec.consult()).referralId();
        api.claim("alice.ng", consult);
        assertThat(api.decide("alice.ng", consult, 2, decision("REFERRED_TO_EMERGENCY_CARE")).status()).isEqualTo(422);
    }

    @Test
    void closingAnUrgentReviewNeedsAReasonButKeepingItOpenDoesNot() {
        String id = api.create(Api.Spec.consult().disposition("URGENT_REVIEW")).referralId();
        api.claim("alice.ng", id);
        Api.Answer declined = api.decide("alice.ng", id, 2, decision("DECLINED"));
        assertThat(declined.status()).isEqualTo(422);
        assertThat(declined.pointers()).containsExactly("/reason");
        assertThat(declined.body().path("detail").asText()).contains("URGENT_REVIEW");
        assertThat(api.decide("alice.ng", id, 2, decision("NEEDS_MORE_INFORMATION")).status()).isEqualTo(200);
    }
}
