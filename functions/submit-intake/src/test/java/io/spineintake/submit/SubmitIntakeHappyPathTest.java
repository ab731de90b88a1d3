package io.spineintake.submit;

import io.spineintake.triage.TestForms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.RoutingState;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.PatientMessage;
import io.spineintake.triage.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.IndexMetadata;
import software.amazon.awssdk.enhanced.dynamodb.KeyAttributeMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A valid form: 201 with a receipt, one complete item stored, no patient data in any key. */
@ExtendWith(LocalAwsExtension.class)
class SubmitIntakeHappyPathTest {

    static SubmitIntakeHandler handler;

    @BeforeAll
    static void wire(LocalAws aws) {
        handler = Intakes.handler(aws);
    }

    @Test
    void typicalFormIsAnsweredWithAReceiptAndStoredWithItsAssessment(LocalAws aws) {
        byte[] body = TestForms.bytes(Fixtures.typical());
        Instant before = Instant.now().minusMillis(1);

        Answer answer = Post.form(Fixtures.typical()).to(handler);

        Instant after = Instant.now().plusMillis(1);
        String id = answer.assertReceipt("CONSULT_TEAM_WILL_CONTACT");
        assertThat(answer.header("Location")).contains("/intakes/" + id);
        assertThat(answer.header("Idempotent-Replayed")).contains("false");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.base64()).isFalse();
        assertThat(answer.body()).doesNotContain(Fixtures.NAME, Fixtures.EMAIL, Fixtures.PHONE, Fixtures.DATE_OF_BIRTH);

        IntakeRecord stored = Intakes.repository(aws).get(id).orElseThrow();
        assertThat(stored.intakeId()).isEqualTo(id);
        // the form, as the contract writes it; the typical form answers every question, so it is the form sent
        assertThat(stored.formJson()).isEqualTo(Fixtures.canonical(body));
        assertThat(TestForms.tree(stored.formJson())).isEqualTo(TestForms.tree(new String(body, StandardCharsets.UTF_8)));
        JsonNode assessment = TestForms.tree(stored.assessmentJson());
        assertThat(assessment.path("ruleSetVersion").asText()).isEqualTo(RuleSet.bundled().version());
        assertThat(assessment.path("disposition").asText()).isEqualTo("CONSULT");
        assertThat(assessment.path("patientMessage").asText()).isEqualTo("CONSULT_TEAM_WILL_CONTACT");
        assertThat(stored.ruleSetVersion()).isEqualTo(RuleSet.bundled().version());
        assertThat(stored.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(stored.tier().name()).isEqualTo(assessment.path("tier").asText());
        assertThat(stored.score()).isEqualTo(assessment.path("score").asInt());
        assertThat(stored.priorityKey()).isEqualTo(assessment.path("priorityKey").asText()).startsWith("2-");
        assertThat(stored.patientMessage()).isEqualTo(PatientMessage.CONSULT_TEAM_WILL_CONTACT);
        assertThat(stored.routingState()).as("routed to the consult queue at once").isEqualTo(RoutingState.ROUTED);
        assertThat(stored.pendingShard()).as("out of the pending index").isNull();
        assertThat(stored.receivedAt()).isEqualTo(answer.json().path("receivedAt").asText()).matches(Answer.TIMESTAMP_PATTERN);
        assertThat(Instant.parse(stored.receivedAt())).isBetween(before, after);
        assertThat(stored.updatedAt()).as("stamped when routed").isGreaterThanOrEqualTo(stored.receivedAt());
        assertThat(stored.requestHash()).isEqualTo(IntakeSubmission.sha256Hex(body)).matches("[0-9a-f]{64}");
        assertThat(stored.responseJson()).isEqualTo(answer.body());
        assertThat(stored.version()).as("stored, then routed").isEqualTo(2L);
    }

    /**
     * Every reference vignette: the stored disposition is the engine's for the stored receivedAt;
     * every one is routed at once (every disposition has a list); the date the patient is told is
     * the date the stored intake's referral will be due, in the clinic's time zone.
     */
    @Test
    void routingStateFollowsTheDispositionForEveryVignette(LocalAws aws) {
        TriageEngine engine = new TriageEngine(RuleSet.bundled());
        Set<Disposition> seen = EnumSet.noneOf(Disposition.class);
        for (int i = 1; i <= 18; i++) {
            String vignette = String.format("V%02d", i);
            byte[] body = TestForms.bytes(Fixtures.vignette(vignette));

            Answer answer = Post.text(new String(body, StandardCharsets.UTF_8)).to(handler);

            assertThat(answer.status()).as(vignette).isEqualTo(201);
            IntakeRecord stored = Intakes.repository(aws).get(answer.json().path("intakeId").asText()).orElseThrow();
            Disposition expected = engine.assess(Fixtures.CONTRACT.read(body).form(), Instant.parse(stored.receivedAt()))
                    .disposition();
            Disposition disposition = stored.disposition();
            seen.add(disposition);
            assertThat(disposition).as(vignette).isEqualTo(expected);
            answer.assertReceipt(PatientMessage.of(disposition).name());
            assertThat(stored.routingState()).as(vignette).isEqualTo(RoutingState.ROUTED);
            assertThat(stored.pendingShard()).as(vignette).isNull();
            assertThat(stored.dueAt()).as(vignette).isGreaterThan(stored.receivedAt());
            JsonNode next = answer.json().path("nextSteps");
            if (disposition != Disposition.EMERGENCY) {
                assertThat(next.path("contactBy").asText()).as(vignette).isEqualTo(
                        Instant.parse(stored.dueAt()).atZone(java.time.ZoneId.of("America/New_York")).toLocalDate().toString());
            }
        }
        // the vignettes cover every disposition
        assertThat(seen).containsExactlyInAnyOrder(Disposition.values());
    }

    @Test
    void withoutAKeyIdenticalFormsGetDifferentRandomIds(LocalAws aws) {
        String first = Post.form(Fixtures.typical()).to(handler).assertCreated();
        String second = Post.form(Fixtures.typical()).to(handler).assertCreated();

        assertThat(first).isNotEqualTo(second);
        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(UUID.fromString(second).version()).isEqualTo(4);
        assertThat(Intakes.repository(aws).get(first)).isPresent();
        assertThat(Intakes.repository(aws).get(second)).isPresent();
    }

    @Test
    void withAKeyTheIdComesFromTheKeyAloneNeverFromTheForm() {
        String keyA = "key-a-" + UUID.randomUUID();
        String keyB = "key-b-" + UUID.randomUUID();

        String a = Post.form(Fixtures.typical()).key(keyA).to(handler).assertCreated();
        String b = Post.form(Fixtures.typical()).key(keyB).to(handler).assertCreated();

        assertThat(a).isEqualTo(IntakeSubmission.intakeIdForKey(keyA)).isNotEqualTo(b);
        assertThat(b).isEqualTo(IntakeSubmission.intakeIdForKey(keyB));
        assertThat(UUID.fromString(a).version()).isEqualTo(8);
    }

    /**
     * The table's and its index's key attributes (read off the schema, so a new index is covered)
     * hold ids, shard labels and timestamps only: never a value from the form.
     */
    @Test
    void noKeyAttributeOfAnyItemHoldsPatientData(LocalAws aws) {
        Post.form(Fixtures.typical()).to(handler).assertCreated();
        Post.form(Fixtures.typical()).key("key-" + UUID.randomUUID()).to(handler).assertCreated();
        Post.form(Fixtures.vignette("V03")).to(handler).assertCreated();

        TableMetadata meta = IntakeRecord.TABLE_SCHEMA.tableMetadata();
        List<String> keyAttributes = new ArrayList<>();
        for (IndexMetadata index : meta.indices()) {
            index.partitionKeys().stream().map(KeyAttributeMetadata::name).forEach(keyAttributes::add);
            index.sortKeys().stream().map(KeyAttributeMetadata::name).forEach(keyAttributes::add);
        }
        assertThat(keyAttributes).containsOnly(IntakeRecord.INTAKE_ID, IntakeRecord.PENDING_SHARD, IntakeRecord.RECEIVED_AT);

        List<Map<String, AttributeValue>> items = Intakes.rawItems(aws);
        assertThat(items).hasSizeGreaterThanOrEqualTo(3);
        List<String> patientValues = new ArrayList<>(Fixtures.distinctiveValues());
        patientValues.addAll(Fixtures.personalValues(Fixtures.vignette("V03")));
        for (Map<String, AttributeValue> item : items) {
            assertThat(item.get(IntakeRecord.INTAKE_ID).s()).matches(Answer.UUID_PATTERN);
            assertThat(item.get(IntakeRecord.RECEIVED_AT).s()).matches(Answer.TIMESTAMP_PATTERN);
            if (item.containsKey(IntakeRecord.PENDING_SHARD)) {
                assertThat(item.get(IntakeRecord.PENDING_SHARD).s()).matches("P(0[0-9]|1[0-5])");
            }
            for (String attribute : keyAttributes) {
                AttributeValue value = item.get(attribute);
                if (value != null) {
                    assertThat(value.s()).as(attribute).doesNotContain(patientValues);
                }
            }
        }
    }

    @Test
    void headerNamesAndTheMediaTypeAreMatchedWithoutRegardToCase() {
        String key = "key-" + UUID.randomUUID();

        Answer answer = Post.form(Fixtures.typical())
                .without("content-type").header("Content-Type", "Application/JSON; charset=UTF-8")
                .header("Idempotency-Key", key)
                .to(handler);

        assertThat(answer.assertCreated()).isEqualTo(IntakeSubmission.intakeIdForKey(key));
    }
}
