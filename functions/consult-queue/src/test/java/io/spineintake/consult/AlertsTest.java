package io.spineintake.consult;

import static io.spineintake.consult.ConsultQueueHandlerTest.batch;
import static io.spineintake.consult.ConsultQueueHandlerTest.message;
import static io.spineintake.consult.ConsultQueueHandlerTest.send;
import static io.spineintake.consult.ConsultQueueHandlerTest.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.local.backends.LocalSns;
import io.spineintake.local.backends.MetricsLog;
import io.spineintake.local.backends.SqsEventSource;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.consult.ReferralSummary;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The on-call alert of a new EMERGENCY or URGENT_REVIEW referral, through the real consumer, the
 * real SNS client and the local SNS-protocol endpoint: once per referral whatever the queue does,
 * carrying no patient data, and never holding the referral up when SNS fails.
 */
@ExtendWith(LocalAwsExtension.class)
class AlertsTest {
    static List<LocalSns.Published> alertsOf(LocalAws aws, String referralId) {
        return aws.sns().outbox(aws.alertTopicArn()).stream().filter(p -> p.message().contains(referralId)).toList();
    }

    static ReferralRepository referrals(LocalAws aws) {
        return new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
    }

    @Test
    void anEmergencyIsAlertedOnceThoughItsMessageFailsOnceAndComesThreeTimes(LocalAws aws) {
        ReferralSummary s = summary("EMERGENCY", "2026-11-27T10:00:00.000Z", List.of("HS_SADDLE_ANAESTHESIA"));
        ConsultQueueHandler handler = ConsultQueueHandlerTest.handler(aws);

        // the first delivery fails: DynamoDB is down, so nothing is stored and nothing is sent
        aws.stopDynamoDb();
        SQSBatchResponse failed;
        try {
            failed = handler.handleRequest(batch(message(s.toJson())), LambdaContext.invocation("ConsultQueueFunction", 30));
        } finally {
            aws.startDynamoDb();
        }
        assertThat(failed.getBatchItemFailures()).hasSize(1);
        assertThat(alertsOf(aws, s.intakeId())).isEmpty();

        // SQS delivers it again, and the producer's retry sends it twice more
        for (int i = 0; i < 3; i++) {
            send(aws, "g-" + s.intakeId(), s.toJson());
        }
        SqsEventSource source = new SqsEventSource(aws.clients().sqs(), aws.consultQueueUrl(), LocalAws.REGION,
                event -> handler.handleRequest(event, LambdaContext.invocation("ConsultQueueFunction", 30)));
        source.drain(1, true);
        handler.handleRequest(batch(message(s.toJson()), message(s.toJson())), LambdaContext.invocation("ConsultQueueFunction", 30));

        List<LocalSns.Published> alerts = alertsOf(aws, s.intakeId());
        assertThat(alerts).hasSize(1);
        LocalSns.Published alert = alerts.get(0);
        assertThat(alert.subject()).contains("EMERGENCY");
        assertThat(alert.message()).contains("due 2026-11-27T10:00:00.000Z")
                .contains(LocalAws.CONSOLE_URL + "#/referrals/" + s.intakeId());
        // the band, the due time and the link: not the score, the regions or the red flags
        assertThat(alert.message()).doesNotContain("LUMBAR", "CERVICAL", "HS_SADDLE", "score")
                .doesNotContainPattern("(?<![0-9a-f-])72(?![0-9a-f-])"); // the score, not a digit pair of the id

        ReferralRepository referrals = referrals(aws);
        ReferralRecord r = referrals.get(s.intakeId()).orElseThrow();
        assertThat(r.alertedAt()).isNotNull();
        assertThat(r.alertClaimUntil()).as("the claim is dropped once sent").isNull();
        assertThat(r.version()).as("a notice is not a state change").isEqualTo(1L);
        assertThat(referrals.trail(r)).extracting(AuditEntry::action).containsOnlyOnce(AuditAction.ALERTED);
    }

    @Test
    void urgentReviewsAreAlertedAndNoOtherBandIs(LocalAws aws) {
        ConsultQueueHandler handler = ConsultQueueHandlerTest.handler(aws);
        Map<String, Integer> expected = Map.of("URGENT_REVIEW", 1, "CONSULT", 0, "OTHER_PATHWAY", 0,
                "CONSERVATIVE_CARE_FIRST", 0);
        expected.forEach((disposition, alerts) -> {
            ReferralSummary s = summary(disposition, "2027-01-05T09:00:00.000Z", List.of());
            handler.handleRequest(batch(message(s.toJson())), LambdaContext.invocation("ConsultQueueFunction", 30));
            assertThat(referrals(aws).get(s.intakeId())).as(disposition).isPresent();
            assertThat(alertsOf(aws, s.intakeId())).as(disposition).hasSize(alerts);
        });
    }

    @Test
    void aFailedPublishNeitherBlocksTheReferralNorCountsAsSent(LocalAws aws) {
        ReferralSummary s = summary("EMERGENCY", "2026-11-27T10:00:00.000Z", List.of());
        int callsBefore = aws.sns().publishCalls();
        aws.sns().failNext(AwsClients.MAX_ATTEMPTS);
        SQSBatchResponse response = ConsultQueueHandlerTest.handler(aws)
                .handleRequest(batch(message(s.toJson())), LambdaContext.invocation("ConsultQueueFunction", 30));

        assertThat(response.getBatchItemFailures()).as("the referral is made; the alert waits for the sweep").isEmpty();
        assertThat(aws.sns().publishCalls() - callsBefore).as("the SDK's attempts").isEqualTo(AwsClients.MAX_ATTEMPTS);
        assertThat(alertsOf(aws, s.intakeId())).isEmpty();
        ReferralRecord r = referrals(aws).get(s.intakeId()).orElseThrow();
        assertThat(r.alertedAt()).isNull();
        assertThat(r.alertClaimUntil()).as("given back, so the next sweep sends it at once").isNull();
        assertThat(referrals(aws).trail(r)).extracting(AuditEntry::action).doesNotContain(AuditAction.ALERTED);

        assertThat(MetricsLog.read()).as("the failure is counted")
                .anySatisfy(m -> assertThat(m.path("NoticePublishFailures").asDouble()).isEqualTo(1.0))
                .anySatisfy(m -> {
                    assertThat(m.path("Band").asText()).isEqualTo("EMERGENCY");
                    assertThat(m.path("ReferralsCreated").asDouble()).isEqualTo(1.0);
                    assertThat(m.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("SpineIntake");
                    assertThat(m.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asText()).isEqualTo("Band");
                });
    }
}
