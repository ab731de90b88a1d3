package io.spineintake.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Priming;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SnapStart hook's code in a plain JVM: the whole request path runs (put, send, mark routed,
 * 201) with DynamoDB stopped, so nothing it did reached a table; afterwards nothing is stored or
 * queued, and the same handler stores a real intake.
 */
@ExtendWith(LocalAwsExtension.class)
class SubmitIntakePrimingTest {

    @Test
    void primingRunsTheRequestPathOfflineWritesNothingAndLeavesTheHandlerOnline(LocalAws aws) throws Exception {
        SubmitIntakeHandler handler = new SubmitIntakeHandler(new Environment(aws.config(Map.of(
                "REFERRAL_DUE_EMERGENCY", "PT1H", "REFERRAL_DUE_URGENT_REVIEW", "P1D", "REFERRAL_DUE_CONSULT", "P14D",
                "REFERRAL_DUE_OTHER_PATHWAY", "P14D", "EMERGENCY_NUMBER", "911", "CLINIC_TIME_ZONE", "America/New_York")),
                aws.clients()));
        int before = Priming.answered().size();

        APIGatewayV2HTTPResponse primed = aws.withDynamoDbStopped(() -> SubmitIntakePriming.prime(handler));

        assertThat(primed.getStatusCode()).as("answered with DynamoDB stopped: nothing went out; %s", primed.getBody()).isEqualTo(201);
        List<String> answered = Priming.answered().subList(before, Priming.answered().size());
        assertThat(answered).containsExactly("DynamoDB_20120810.PutItem", "AmazonSQS.SendMessage",
                "DynamoDB_20120810.UpdateItem");
        assertThat(aws.itemCount(aws.intakesTable())).isZero();
        assertThat(aws.consultQueueMessages()).isZero();

        // the hook the Lambda constructor registers, called as CRaC calls it
        Priming.register(() -> SubmitIntakePriming.prime(handler)).beforeCheckpoint(null);
        assertThat(Priming.answered()).as("the hook ran the request again").hasSize(before + 6);
        assertThat(aws.itemCount(aws.intakesTable())).as("the hook itself").isZero();

        Answer real = Post.text(SubmitIntakePriming.form()).key("after-priming").to(handler);
        assertThat(real.status()).isEqualTo(201);
        assertThat(aws.itemCount(aws.intakesTable())).isEqualTo(1);
        assertThat(aws.consultQueueMessages()).isEqualTo(1);
    }
}
