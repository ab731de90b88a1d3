package io.spineintake.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.triage.TriageEngine;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.triage.form.FormContract;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.triage.rules.RuleSet;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * DynamoDB failing in the ways dynalite cannot show: throttling, 5xx, and a server that accepts the
 * connection and never answers. The real handler, with the platform's clients (timeouts, bounded
 * retries), answers 503 with Retry-After, and does not hang. JUnit's timeout is a safety net only.
 */
class UnhealthyDynamoDbTest {

    static SubmitIntakeHandler handler(AwsClients clients) {
        // the table fails before anything is routed; the router's queue is never reached
        IntakeRepository intakes = new IntakeRepository(clients, "t-unhealthy-intakes");
        return new SubmitIntakeHandler(new IntakeSubmission(intakes,
                new IntakeRouter(intakes, new ConsultQueuePublisher(clients, "http://127.0.0.1:9/000000000000/unreachable.fifo")),
                FormContract.load(), new TriageEngine(RuleSet.bundled()), io.spineintake.platform.Config.of(java.util.Map.of()), Clock.systemUTC()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "500, InternalServerError",
            "503, ServiceUnavailable",
            "400, ThrottlingException",
            "400, ProvisionedThroughputExceededException",
            "400, RequestLimitExceeded"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailingOrThrottlingDynamoDbIsA503AfterBoundedRetries(int status, String errorType) {
        try (FakeDynamoDb dynamoDb = FakeDynamoDb.answering(status, errorType)) {
            Answer answer = Post.form(Fixtures.typical()).key("k-" + UUID.randomUUID()).to(handler(dynamoDb.clients()));

            DynamoDbOutageTest.assertUnavailable(answer);
            assertThat(dynamoDb.requests.get()).as("attempts (bounded retries)").isBetween(2, AwsClients.MAX_ATTEMPTS);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDynamoDbThatNeverAnswersIsA503WithinTheClientTimeouts() {
        try (FakeDynamoDb dynamoDb = FakeDynamoDb.blackHole()) {
            Answer answer = Post.form(Fixtures.typical()).to(handler(dynamoDb.clients()));

            DynamoDbOutageTest.assertUnavailable(answer);
            assertThat(dynamoDb.requests.get()).isPositive();
        }
    }

    /**
     * A missing table is a deployment error, not an outage: no 503 (a retry cannot help). It is not
     * caught, so Lambda reports a function error and API Gateway answers 500.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMissingTableIsNotReportedAsAnOutage() {
        try (FakeDynamoDb dynamoDb = FakeDynamoDb.answering(400, "ResourceNotFoundException")) {
            SubmitIntakeHandler handler = handler(dynamoDb.clients());

            assertThatThrownBy(() -> Post.form(Fixtures.typical()).to(handler))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(dynamoDb.requests.get()).isEqualTo(1);
        }
    }
}
