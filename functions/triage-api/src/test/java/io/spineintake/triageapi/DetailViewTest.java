package io.spineintake.triageapi;

import io.spineintake.platform.referrals.AuditAction;

import io.spineintake.platform.referrals.ReferralStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /referrals/{id}: the referral, its form and assessment, its audit trail; the read is recorded. */
@ExtendWith(LocalAwsExtension.class)
class DetailViewTest {
    Api api;

    @BeforeEach
    void setUp(LocalAws aws) {
        api = new Api(aws);
    }

    @Test
    void theDetailHoldsTheFormTheAssessmentAndTheAuditTrail() throws Exception {
        String id = UUID.randomUUID().toString();
        ReferralRecord created = api.createWithIntake(id);
        Api.Answer a = api.view("alice.ng", id);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.etag()).isEqualTo("\"1\"");
        JsonNode d = a.body();
        assertThat(d.path("referralId").asText()).isEqualTo(id);
        assertThat(d.path("priorityKey").asText()).isEqualTo(created.priorityKey());
        assertThat(d.path("version").asLong()).isEqualTo(1);
        assertThat(d.path("asOf").asText()).as("the answer's time, which overdue is against").isEqualTo("2026-11-27T09:00:00.000Z");
        for (String field : new String[] {"outcome", "note", "decidedBy", "decidedAt", "originalDisposition", "reason"}) {
            assertThat(d.has(field)).as(field).isTrue();
            assertThat(d.path(field).isNull()).as(field).isTrue();
        }
        // the form as a JSON tree (not a string), as the patient sent it
        JsonNode form = d.path("form");
        assertThat(form.isObject()).isTrue();
        assertThat(form.path("patient").path("name").asText()).isEqualTo("Testina Fakename-Worklist");
        assertThat(form).isEqualTo(Api.JSON.readTree(api.intakes.get(id).orElseThrow().formJson()));
        assertThat(form.path("pain").path("regions").get(0).path("region").asText()).isEqualTo("LUMBAR");
        // the assessment as a JSON tree, with its explanations
        JsonNode assessment = d.path("assessment");
        assertThat(assessment).isEqualTo(Api.JSON.readTree(api.intakes.get(id).orElseThrow().assessmentJson()));
        assertThat(assessment.isObject()).isTrue();
        assertThat(assessment.path("disposition").asText()).isEqualTo(created.disposition().name());
        assertThat(assessment.path("priorityKey").asText()).isEqualTo(created.priorityKey());
        assertThat(assessment.path("regions").isArray()).isTrue();
        assertThat(assessment.toString()).contains("readiness");

        JsonNode audit = d.path("audit");
        assertThat(audit.size()).isEqualTo(2);
        assertThat(audit.get(0).path("action").asText()).isEqualTo("CREATED");
        assertThat(audit.get(1).path("action").asText()).isEqualTo("VIEWED");
        assertThat(audit.get(1).path("actor").asText()).isEqualTo("alice.ng");
        assertThat(audit.get(1).path("at").asText()).isEqualTo("2026-11-27T09:00:00.000Z");
    }

    @Test
    void everyViewIsRecordedAndNoneChangesTheVersion() {
        String id = UUID.randomUUID().toString();
        api.createWithIntake(id);
        api.claim("alice.ng", id);
        api.view("alice.ng", id);
        api.clock.advance(Duration.ofMinutes(3));
        Api.Answer second = api.view("bob.okafor", id);

        assertThat(second.etag()).isEqualTo("\"2\"");
        ReferralRecord r = api.get(id);
        assertThat(r.version()).isEqualTo(2L);
        assertThat(r.status()).isEqualTo(ReferralStatus.IN_REVIEW);
        assertThat(r.assignee()).isEqualTo("alice.ng");
        assertThat(api.audit(r)).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditAction.CREATED, "system", "2026-11-27T09:00:00.000Z"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.CLAIMED, "alice.ng", "2026-11-27T09:00:00.000Z"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.VIEWED, "alice.ng", "2026-11-27T09:00:00.000Z"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.VIEWED, "bob.okafor", "2026-11-27T09:03:00.000Z"));
    }

    @Test
    void aDecidedReferralShowsItsDecision() {
        String id = UUID.randomUUID().toString();
        api.createWithIntake(id);
        api.claim("alice.ng", id);
        api.decide("alice.ng", id, 2, java.util.Map.of("outcome", "SCHEDULE_CONSULT",
                "note", "ConfidentialNoteMarker: prefers mornings."));
        JsonNode d = api.view("bob.okafor", id).body();
        assertThat(d.path("status").asText()).isEqualTo("DECIDED");
        assertThat(d.path("outcome").asText()).isEqualTo("SCHEDULE_CONSULT");
        assertThat(d.path("note").asText()).contains("prefers mornings");
        assertThat(d.path("decidedBy").asText()).isEqualTo("alice.ng");
        assertThat(d.path("open").asBoolean()).isFalse();
        assertThat(d.path("overdue").asBoolean()).isFalse();
        JsonNode decided = d.path("audit").get(2);
        assertThat(decided.path("action").asText()).isEqualTo("DECIDED");
        assertThat(decided.path("version").asLong()).isEqualTo(3);
    }

    @Test
    void unknownIdsAreNotFoundAndNothingIsWritten() {
        Api.Answer a = api.view("alice.ng", UUID.randomUUID().toString());
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.type()).isEqualTo(ApiProblem.REFERRAL_NOT_FOUND);
        assertThat(api.view("alice.ng", "../../etc/passwd").status()).isEqualTo(404);
        assertThat(api.view("alice.ng", "stats").status()).isEqualTo(404);
    }

    @Test
    void aReferralWhoseIntakeIsMissingIsShownWithoutIt() {
        String id = api.create(Api.Spec.consult()).referralId();
        JsonNode d = api.view("alice.ng", id).body();
        assertThat(d.path("form").isNull()).isTrue();
        assertThat(d.path("assessment").isNull()).isTrue();
        assertThat(d.path("referralId").asText()).isEqualTo(id);
    }
}
