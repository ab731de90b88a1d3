package io.spineintake.sweep;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.spineintake.consult.ConsultQueueHandler;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalSns;
import io.spineintake.local.backends.TestClock;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.consult.ReferralSummary;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One test class's stack on the local backends: the real consumer and sweep, on a clock the test moves. */
final class Referrals {
    final LocalAws aws;
    final TestClock clock;
    final ConsultQueueHandler consumer;
    final ReferralSweepHandler sweep;
    final ReferralRepository repository;

    Referrals(LocalAws aws, Instant start) {
        this.aws = aws;
        this.clock = new TestClock(start);
        Environment env = new Environment(aws.config(), aws.clients(), clock);
        this.consumer = new ConsultQueueHandler(env);
        this.sweep = new ReferralSweepHandler(env);
        this.repository = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
    }

    /** A referral made now by the consumer, due {@code dueAt}; returns its id. */
    String create(Disposition d, Instant dueAt) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        ReferralSummary s = new ReferralSummary(id, List.of(Region.LUMBAR), d, Tier.HIGH, 81,
                d.band() + "-9-028-" + String.format("%013d", now.toEpochMilli()), Timestamps.of(now),
                Timestamps.of(dueAt), List.of(), false);
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(UUID.randomUUID().toString());
        m.setBody(s.toJson());
        SQSEvent e = new SQSEvent();
        e.setRecords(List.of(m));
        if (!consumer.handleRequest(e, LambdaContext.invocation("ConsultQueueFunction", 30)).getBatchItemFailures().isEmpty()) {
            throw new AssertionError("the consumer failed the message");
        }
        return id;
    }

    SweepReport sweep() {
        return sweep.handleRequest(Map.of("source", "aws.events"), LambdaContext.invocation("ReferralSweepFunction", 50));
    }

    List<LocalSns.Published> alerts(String referralId) {
        return of(aws.alertTopicArn(), referralId);
    }

    List<LocalSns.Published> escalations(String referralId) {
        return of(aws.escalationTopicArn(), referralId);
    }

    private List<LocalSns.Published> of(String topic, String referralId) {
        return aws.sns().outbox(topic).stream().filter(p -> p.message().contains("#/referrals/" + referralId)).toList();
    }

}
