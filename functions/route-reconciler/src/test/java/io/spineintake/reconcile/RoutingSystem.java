package io.spineintake.reconcile;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.spineintake.consult.ConsultQueueHandler;
import io.spineintake.consult.ReferralCreation;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.SqsEventSource;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.intakes.RoutingState;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.submit.IntakeSubmission;
import io.spineintake.submit.SubmitIntakeHandler;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.form.FormContract;
import io.spineintake.triage.rules.RuleSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The three functions wired as in AWS, on one test class's local tables and queues. */
final class RoutingSystem {
    static final FormContract CONTRACT = FormContract.load();
    static final TriageEngine ENGINE = new TriageEngine(RuleSet.bundled());

    final LocalAws aws;
    final IntakeRepository intakes;
    final ReferralRepository referrals;
    final ConsultQueuePublisher publisher;
    final SubmitIntakeHandler submit;
    final ConsultQueueHandler consumer;
    final RouteReconcilerHandler reconciler;
    final SqsEventSource eventSource;

    RoutingSystem(LocalAws aws) {
        this.aws = aws;
        this.intakes = new IntakeRepository(aws.clients(), aws.intakesTable());
        this.referrals = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
        this.publisher = new ConsultQueuePublisher(aws.clients(), aws.consultQueueUrl());
        IntakeRouter router = new IntakeRouter(intakes, publisher);
        this.submit = new SubmitIntakeHandler(new IntakeSubmission(intakes, router, CONTRACT, ENGINE, aws.config(), Clock.systemUTC()));
        this.consumer = new ConsultQueueHandler(new io.spineintake.platform.Environment(aws.config(), aws.clients()));
        this.reconciler = new RouteReconcilerHandler(new PendingIntakeReconciler(intakes, router, Duration.ZERO,
                Clock.systemUTC()));
        this.eventSource = new SqsEventSource(aws.clients().sqs(), aws.consultQueueUrl(), LocalAws.REGION,
                event -> consumer.handleRequest(event, LambdaContext.invocation("ConsultQueueFunction", 30)));
    }

    /** A sample POST /intakes event (events/submit-intake/NAME.json) without its Idempotency-Key. */
    static APIGatewayV2HTTPEvent sample(String name) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(events().resolve("submit-intake/" + name + ".json").toString());
        event.getHeaders().remove("idempotency-key");
        return event;
    }

    static Path events() {
        return Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../..")).resolve("events")
                .toAbsolutePath().normalize();
    }

    APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
        return submit.handleRequest(event, LambdaContext.invocation("SubmitIntakeFunction", 29));
    }

    ReconcileReport reconcile() {
        return reconciler.handleRequest(null, LambdaContext.invocation("RouteReconcilerFunction", 120));
    }

    /** Runs the consumer until the queue gives nothing more; failed messages come back at once. */
    int drainQueue() {
        return eventSource.drain(10, true);
    }

    List<Map<String, AttributeValue>> scan(String table) {
        return aws.clients().dynamoDb().scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build())
                .items().stream().toList();
    }

    long intakesIn(RoutingState state) {
        return scan(aws.intakesTable()).stream()
                .filter(i -> state.name().equals(i.get(IntakeRecord.ROUTING_STATE).s())).count();
    }
}
