package io.spineintake.consult;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.local.backends.SqsEventSource;
import io.spineintake.platform.Environment;
import io.spineintake.platform.consult.ReferralSummary;
import io.spineintake.platform.referrals.Band;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import java.nio.file.Path;
import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.sqs.model.Message;

/** The consumer on dynalite and ElasticMQ, fed the way Lambda's SQS event source feeds it. */
@ExtendWith(LocalAwsExtension.class)
class ConsultQueueHandlerTest {
    static final Instant SUBMITTED = Instant.parse("2026-11-27T09:00:00Z");

    static ConsultQueueHandler handler(LocalAws aws) {
        return handler(aws, Map.of());
    }

    static ConsultQueueHandler handler(LocalAws aws, Map<String, String> settings) {
        return new ConsultQueueHandler(new Environment(aws.config(settings), aws.clients()));
    }

    /** A message as sent before 1.1.0: no due date, no red flags. */
    static ReferralSummary summary(String disposition) {
        return summary(disposition, null, List.of());
    }

    static ReferralSummary summary(String disposition, String dueAt, List<String> redFlags) {
        Disposition d = Disposition.valueOf(disposition);
        return new ReferralSummary(UUID.randomUUID().toString(), List.of(Region.LUMBAR, Region.CERVICAL), d, Tier.HIGH, 72,
                d.band() + "-9-028-" + String.format("%013d", SUBMITTED.toEpochMilli()), "2026-11-27T09:00:00.000Z",
                dueAt, redFlags, false);
    }

    static SQSEvent.SQSMessage message(String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(UUID.randomUUID().toString());
        m.setBody(body);
        m.setEventSource("aws:sqs");
        return m;
    }

    static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent e = new SQSEvent();
        e.setRecords(List.of(messages));
        return e;
    }

    static int referralCount(LocalAws aws) {
        return aws.clients().dynamoDb().scan(ScanRequest.builder().tableName(aws.referralsTable()).build()).count();
    }

    static void send(LocalAws aws, String groupId, String body) {
        aws.clients().sqs().sendMessage(r -> r.queueUrl(aws.consultQueueUrl()).messageBody(body)
                .messageGroupId(groupId).messageDeduplicationId(UUID.randomUUID().toString()));
    }

    @Test
    void aMessageBecomesANewReferralDueByItsDisposition(LocalAws aws) {
        ReferralSummary s = summary("URGENT_REVIEW");
        SQSBatchResponse response = handler(aws).handleRequest(batch(message(s.toJson())), LambdaContext.invocation("ConsultQueueFunction", 30));
        assertThat(response.getBatchItemFailures()).isEmpty();
        ReferralRecord r = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable()).get(s.intakeId()).orElseThrow();
        assertThat(r.status()).isEqualTo(ReferralStatus.NEW);
        assertThat(r.intakeId()).isEqualTo(s.intakeId());
        assertThat(r.disposition()).isEqualTo(Disposition.URGENT_REVIEW);
        assertThat(r.regions()).containsExactly(Region.LUMBAR, Region.CERVICAL);
        assertThat(r.priorityKey()).isEqualTo(s.priorityKey());
        assertThat(r.score()).isEqualTo(72);
        assertThat(Instant.parse(r.dueAt())).isEqualTo(SUBMITTED.plus(Duration.ofDays(1)));
        assertThat(r.version()).isEqualTo(1L);
    }

    @Test
    void dueTimesAreTheClinicsToSet(LocalAws aws) {
        ReferralSummary s = summary("CONSULT");
        handler(aws, Map.of("REFERRAL_DUE_CONSULT", "P3D"))
                .handleRequest(batch(message(s.toJson())), LambdaContext.invocation("ConsultQueueFunction", 30));
        ReferralRecord r = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable()).get(s.intakeId()).orElseThrow();
        assertThat(Instant.parse(r.dueAt())).isEqualTo(SUBMITTED.plus(Duration.ofDays(3)));
    }

    @Test
    void theDueDateDecidedAtSubmissionIsKeptAndEveryDispositionGetsItsList(LocalAws aws) {
        ReferralRepository referrals = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
        for (Disposition d : Disposition.values()) {
            ReferralSummary s = summary(d.name(), "2027-02-27T09:00:00.000Z", List.of("U_FEVER", "U_IMMUNOSUPPRESSION"));
            SQSBatchResponse response = handler(aws).handleRequest(batch(message(s.toJson())),
                    LambdaContext.invocation("ConsultQueueFunction", 30));
            assertThat(response.getBatchItemFailures()).as(d.name()).isEmpty();
            ReferralRecord r = referrals.get(s.intakeId()).orElseThrow();
            assertThat(r.dueAt()).as(d.name()).isEqualTo("2027-02-27T09:00:00.000Z");
            assertThat(r.band()).as(d.name()).contains(Band.of(d));
            assertThat(r.open()).isTrue();
            assertThat(r.redFlags()).containsExactly("U_FEVER", "U_IMMUNOSUPPRESSION");
        }
        // a re-contact referral's date is the rule set's: a message without one can never become a referral
        ReferralSummary undated = summary("CONSERVATIVE_CARE_FIRST");
        assertThat(handler(aws).handleRequest(batch(message(undated.toJson())), LambdaContext.invocation("ConsultQueueFunction", 30))
                .getBatchItemFailures()).hasSize(1);
        assertThat(referrals.get(undated.intakeId())).isEmpty();
    }

    @Test
    void theSameMessageDeliveredTwiceMakesOneReferral(LocalAws aws) {
        int before = referralCount(aws);
        ReferralSummary s = summary("CONSULT");
        ConsultQueueHandler handler = handler(aws);
        SQSBatchResponse first = handler.handleRequest(batch(message(s.toJson())), LambdaContext.invocation("ConsultQueueFunction", 30));
        SQSBatchResponse again = handler.handleRequest(batch(message(s.toJson()), message(s.toJson())),
                LambdaContext.invocation("ConsultQueueFunction", 30));
        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).as("a duplicate is done, not failed").isEmpty();
        assertThat(referralCount(aws)).isEqualTo(before + 1);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterQueueWithoutHoldingUpTheBatch(LocalAws aws) {
        int before = referralCount(aws);
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ReferralSummary s = summary(i % 2 == 0 ? "CONSULT" : "EMERGENCY");
            good.add(s.intakeId());
            send(aws, s.intakeId(), s.toJson());
            if (i == 2) {
                send(aws, "poison-1", "{not json");
            }
            if (i == 5) {
                send(aws, "poison-2", "{\"intakeId\":\"x\",\"disposition\":\"OTHER_PATHWAY\"}");
            }
        }
        ConsultQueueHandler handler = handler(aws);
        Map<String, Integer> deliveries = new HashMap<>();
        SqsEventSource source = new SqsEventSource(aws.clients().sqs(), aws.consultQueueUrl(), LocalAws.REGION, event -> {
            event.getRecords().forEach(m -> deliveries.merge(m.getBody(), 1, Integer::sum));
            return handler.handleRequest(event, LambdaContext.invocation("ConsultQueueFunction", 30));
        });

        SqsEventSource.Poll first = source.pollOnce(10, 1, true);
        assertThat(first.received()).isEqualTo(10);
        assertThat(first.failedMessageIds()).hasSize(2);
        assertThat(referralCount(aws)).isEqualTo(before + 8);

        source.drain(10, true);

        assertThat(referralCount(aws)).isEqualTo(before + 8);
        ReferralRepository referrals = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
        assertThat(good).allSatisfy(id -> assertThat(referrals.get(id)).isPresent());
        assertThat(deliveries.get("{not json")).as("received maxReceiveCount times").isEqualTo(5);
        deliveries.forEach((body, n) -> {
            if (!body.startsWith("{not") && !body.contains("OTHER_PATHWAY")) {
                assertThat(n).as("a good message is delivered once").isEqualTo(1);
            }
        });
        List<Message> dead = aws.clients().sqs().receiveMessage(r -> r.queueUrl(aws.consultDeadLetterQueueUrl())
                .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertThat(dead).extracting(Message::body).containsExactlyInAnyOrder(
                "{not json", "{\"intakeId\":\"x\",\"disposition\":\"OTHER_PATHWAY\"}");
    }

    @Test
    void whenTheTableIsDownEveryMessageIsReportedFailedAndNoneIsLost(LocalAws aws) {
        ReferralSummary a = summary("CONSULT");
        ReferralSummary b = summary("EMERGENCY");
        SQSEvent event = batch(message(a.toJson()), message(b.toJson()));
        SQSBatchResponse response;
        aws.stopDynamoDb();
        try {
            response = handler(aws).handleRequest(event, LambdaContext.invocation("ConsultQueueFunction", 30));
        } finally {
            aws.startDynamoDb();
        }
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrder(event.getRecords().get(0).getMessageId(), event.getRecords().get(1).getMessageId());
        // redelivered after the outage
        assertThat(handler(aws).handleRequest(event, LambdaContext.invocation("ConsultQueueFunction", 30))
                .getBatchItemFailures()).isEmpty();
        ReferralRepository referrals = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
        assertThat(referrals.get(a.intakeId())).isPresent();
        assertThat(referrals.get(b.intakeId())).isPresent();
    }

    @Test
    void theSampleEventRunsThroughTheHandler(LocalAws aws) {
        Path sample = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../.."), "events/consult-queue/sqs-batch.json");
        SQSEvent event = EventLoader.loadSQSEvent(sample.toAbsolutePath().normalize().toString());
        SQSBatchResponse response = handler(aws).handleRequest(event, LambdaContext.invocation("ConsultQueueFunction", 30));
        // the sample holds two good summaries and one malformed message
        assertThat(event.getRecords()).hasSize(3);
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(2).getMessageId());
        ReferralRepository referrals = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
        assertThat(referrals.get(ReferralSummary.fromJson(event.getRecords().get(0).getBody()).intakeId())).isPresent();
        assertThat(referrals.get(ReferralSummary.fromJson(event.getRecords().get(1).getBody()).intakeId())).isPresent();
    }
}
