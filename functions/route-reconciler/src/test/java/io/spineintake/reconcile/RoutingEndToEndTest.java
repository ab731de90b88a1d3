package io.spineintake.reconcile;

import io.spineintake.platform.Timestamps;
import io.spineintake.triage.assess.Disposition;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.consult.ReferralSummary;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.RoutingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Submit, route, consume and reconcile end to end on dynalite and ElasticMQ, with the queue
 * stopped and a crash between send and update: every routable intake becomes exactly one referral.
 */
@ExtendWith(LocalAwsExtension.class)
@Timeout(300)
class RoutingEndToEndTest {

    static String intakeId(APIGatewayV2HTTPResponse response) {
        String location = response.getHeaders().get("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aRoutableIntakeIsRoutedAtOnceAndBecomesOneReferral(LocalAws aws) {
        RoutingSystem system = new RoutingSystem(aws);
        system.drainQueue();
        APIGatewayV2HTTPResponse response = system.post(RoutingSystem.sample("post-intake"));
        assertThat(response.getStatusCode()).isEqualTo(201);
        String id = intakeId(response);
        assertThat(system.intakes.get(id).orElseThrow().routingState()).isEqualTo(RoutingState.ROUTED);
        assertThat(system.drainQueue()).isEqualTo(1);
        var referral = system.referrals.get(id).orElseThrow();
        IntakeRecord intake = system.intakes.get(id).orElseThrow();
        assertThat(referral.priorityKey()).isEqualTo(intake.priorityKey());
        assertThat(referral.disposition()).isEqualTo(intake.disposition());
        assertThat(referral.regions()).isEqualTo(intake.regions());
        assertThat(referral.submittedAt()).isEqualTo(intake.receivedAt());
        assertThat(system.reconcile().routed()).isZero();
    }

    @Test
    void intakesSubmittedWhileTheQueueIsDownAreRoutedExactlyOnceAfterItReturns(LocalAws aws) throws Exception {
        RoutingSystem system = new RoutingSystem(aws);
        int referralsBefore = system.scan(aws.referralsTable()).size();
        List<String> ids = new ArrayList<>();
        aws.stopSqs();
        try {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String sample = i % 10 == 0 ? "post-intake-emergency" : "post-intake";
                answers.add(pool.submit(() -> system.post(RoutingSystem.sample(sample))));
            }
            for (Future<APIGatewayV2HTTPResponse> a : answers) {
                APIGatewayV2HTTPResponse r = a.get();
                assertThat(r.getStatusCode()).isEqualTo(201);
                ids.add(intakeId(r));
            }
            pool.shutdown();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ids).allSatisfy(id ->
                    assertThat(system.intakes.get(id).orElseThrow().routingState()).isEqualTo(RoutingState.PENDING));
        } finally {
            aws.startSqs();
        }
        ReconcileReport report = system.reconcile();
        assertThat(report.routed()).isEqualTo(100);
        assertThat(report.stoppedEarly()).isFalse();
        assertThat(system.drainQueue()).isEqualTo(100);
        assertThat(ids).allSatisfy(id -> {
            assertThat(system.referrals.get(id)).isPresent();
            assertThat(system.intakes.get(id).orElseThrow().routingState()).isEqualTo(RoutingState.ROUTED);
        });
        assertThat(system.scan(aws.referralsTable())).hasSize(referralsBefore + 100);
        // a second run finds nothing left to do
        assertThat(system.reconcile().examined()).isZero();
        assertThat(system.drainQueue()).isZero();
    }

    @Test
    void aCrashBetweenSendAndUpdateIsRepairedWithoutADuplicateReferral(LocalAws aws) {
        RoutingSystem system = new RoutingSystem(aws);
        String stillQueued;
        String alreadyConsumed;
        aws.stopSqs();
        try {
            stillQueued = intakeId(system.post(RoutingSystem.sample("post-intake")));
            alreadyConsumed = intakeId(system.post(RoutingSystem.sample("post-intake-emergency")));
        } finally {
            aws.startSqs();
        }
        int referralsBefore = system.scan(aws.referralsTable()).size();
        // the crash: the message was sent, the function died before PENDING -> ROUTED
        system.publisher.send(ReferralSummary.of(system.intakes.get(alreadyConsumed).orElseThrow()));
        assertThat(system.drainQueue()).isEqualTo(1);
        system.publisher.send(ReferralSummary.of(system.intakes.get(stillQueued).orElseThrow()));
        assertThat(system.intakes.get(stillQueued).orElseThrow().routingState()).isEqualTo(RoutingState.PENDING);

        // the reconciler sends both again: the queue drops the one still queued, the consumer the other
        assertThat(system.reconcile().routed()).isEqualTo(2);
        system.drainQueue();

        assertThat(system.scan(aws.referralsTable())).hasSize(referralsBefore + 2);
        assertThat(system.referrals.get(stillQueued)).isPresent();
        assertThat(system.referrals.get(alreadyConsumed)).isPresent();
        assertThat(system.intakesIn(RoutingState.PENDING)).isZero();
    }

    @Test
    void aConservativeCareIntakeGoesToTheRecontactListDueAtTheDateThePatientWasTold(LocalAws aws) {
        RoutingSystem system = new RoutingSystem(aws);
        system.drainQueue();
        var event = RoutingSystem.sample("post-intake");
        // pain for one month: conservative care first, then a re-contact
        event.setBody(event.getBody().replace("\"durationMonths\":14", "\"durationMonths\":1"));
        APIGatewayV2HTTPResponse response = system.post(event);
        assertThat(response.getStatusCode()).isEqualTo(201);
        IntakeRecord intake = system.intakes.get(intakeId(response)).orElseThrow();
        assertThat(intake.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE_FIRST);
        assertThat(intake.routingState()).isEqualTo(RoutingState.ROUTED);
        assertThat(system.drainQueue()).isEqualTo(1);

        var referral = system.referrals.get(intake.intakeId()).orElseThrow();
        assertThat(referral.band()).contains(io.spineintake.platform.referrals.Band.RECONTACT);
        assertThat(referral.dueAt()).isEqualTo(intake.dueAt());
        // the 3-month mark of the pain is later than 6 weeks after the advice
        java.time.Instant received = java.time.Instant.parse(intake.receivedAt());
        assertThat(java.time.Instant.parse(referral.dueAt())).isAfter(received.plus(java.time.Duration.ofDays(42)));
        String contactBy = readJson(response.getBody()).get("nextSteps") instanceof Map<?, ?> next
                ? String.valueOf(next.get("contactBy")) : null;
        assertThat(contactBy).isEqualTo(java.time.Instant.parse(referral.dueAt())
                .atZone(java.time.ZoneId.of("America/New_York")).toLocalDate().toString());
    }

    /**
     * An intake stored before rule set 1.1.0 (no due date, no red flags on the item, a 1.0.0
     * assessment) left PENDING is still read and routed: its referral is due by the clinic's interval.
     */
    @Test
    void anIntakeStoredBefore110IsStillRoutedAndDueByTheClinicsInterval(LocalAws aws) {
        RoutingSystem system = new RoutingSystem(aws);
        system.drainQueue();
        String id = java.util.UUID.randomUUID().toString();
        java.time.Instant received = java.time.Instant.parse("2026-11-20T10:00:00Z");
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new java.util.HashMap<>();
        java.util.function.BiConsumer<String, String> s = (k, v) ->
                item.put(k, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(v));
        s.accept("intakeId", id);
        s.accept("receivedAt", Timestamps.of(received));
        s.accept("requestHash", "0".repeat(64));
        s.accept("formJson", "{}");
        s.accept("assessmentJson", "{\"ruleSetVersion\":\"1.0.0\"}");
        s.accept("ruleSetVersion", "1.0.0");
        s.accept("disposition", "CONSULT");
        s.accept("tier", "HIGH");
        item.put("score", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("72"));
        s.accept("priorityKey", "2-8-028-" + String.format("%013d", received.toEpochMilli()));
        s.accept("patientMessage", "CONSULT_TEAM_WILL_CONTACT");
        s.accept("responseJson", "{}");
        s.accept("routingState", "PENDING");
        s.accept("pendingShard", IntakeRecord.shardFor(id));
        s.accept("updatedAt", Timestamps.of(received));
        item.put("version", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"));
        s.accept("regions", "LUMBAR");
        aws.clients().dynamoDb().putItem(r -> r.tableName(aws.intakesTable()).item(item));

        IntakeRecord old = system.intakes.get(id).orElseThrow();
        assertThat(old.dueAt()).isNull();
        assertThat(old.redFlags()).isEmpty();
        assertThat(system.reconcile().routed()).isEqualTo(1);
        assertThat(system.drainQueue()).isEqualTo(1);
        var referral = system.referrals.get(id).orElseThrow();
        assertThat(java.time.Instant.parse(referral.dueAt())).isEqualTo(received.plus(java.time.Duration.ofDays(14)));
        assertThat(referral.band()).contains(io.spineintake.platform.referrals.Band.CONSULT);
        assertThat(referral.redFlags()).isEmpty();
    }

    @Test
    void theScheduledSampleEventRunsTheReconciler(LocalAws aws) throws java.io.IOException {
        RoutingSystem system = new RoutingSystem(aws);
        aws.stopSqs();
        String id;
        try {
            id = intakeId(system.post(RoutingSystem.sample("post-intake")));
        } finally {
            aws.startSqs();
        }
        // as Lambda's runtime reads it for a RequestHandler<Map<String, Object>, ...>
        Map<String, Object> event = new ObjectMapper().readValue(
                RoutingSystem.events().resolve("route-reconciler/scheduled.json").toFile(), new TypeReference<>() { });
        ReconcileReport report = system.reconciler.handleRequest(event, LambdaContext.invocation("RouteReconcilerFunction", 120));
        assertThat(report.routed()).isEqualTo(1);
        assertThat(system.intakes.get(id).orElseThrow().routingState()).isEqualTo(RoutingState.ROUTED);
    }

    @Test
    void theQueueMessageCarriesNoPatientText(LocalAws aws) {
        RoutingSystem system = new RoutingSystem(aws);
        system.drainQueue();
        var event = RoutingSystem.sample("post-intake");
        system.post(event);
        var messages = aws.clients().sqs().receiveMessage(r -> r.queueUrl(aws.consultQueueUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
        assertThat(messages).hasSize(1);
        Map<String, Object> body = readJson(messages.get(0).body());
        assertThat(body.keySet()).containsExactlyInAnyOrder("intakeId", "regions", "disposition", "tier", "score",
                "priorityKey", "submittedAt", "dueAt", "redFlags", "repeatRfaCandidate");
        Map<String, Object> form = readJson(event.getBody());
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = (Map<String, Object>) form.get("patient");
        for (Object value : patient.values()) {
            assertThat(messages.get(0).body()).doesNotContain(value.toString());
        }
        assertThat(messages.get(0).body()).doesNotContain(String.valueOf(form.get("notes")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readJson(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
