package io.spineintake.consult;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Priming;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SnapStart hook's code in a plain JVM, with DynamoDB stopped: a consult and an emergency referral are made
 * and put with their audit entries, the emergency's alert is claimed, published and recorded; nothing is stored
 * and nothing reaches the on-call topic.
 */
@ExtendWith(LocalAwsExtension.class)
class ConsultQueuePrimingTest {

    @Test
    void primingMakesReferralsAndAnAlertOfflineAndStoresAndPublishesNone(LocalAws aws) {
        ConsultQueueHandler handler = new ConsultQueueHandler(new Environment(aws.config(Map.of(
                "REFERRAL_DUE_EMERGENCY", "PT1H", "REFERRAL_DUE_URGENT_REVIEW", "P1D", "REFERRAL_DUE_CONSULT", "P14D",
                "REFERRAL_DUE_OTHER_PATHWAY", "P14D")),
                aws.clients()));
        int before = Priming.answered().size();
        int published = aws.sns().publishCalls();

        SQSBatchResponse primed = aws.withDynamoDbStopped(() -> ConsultQueuePriming.prime(handler));

        assertThat(primed.getBatchItemFailures()).as("stored offline, with DynamoDB stopped").isEmpty();
        assertThat(Priming.answered().subList(before, Priming.answered().size()))
                .as("each referral, then its creation entry in the audit table; the alert's claim, publish, entry and mark")
                .containsExactly("DynamoDB_20120810.PutItem", "DynamoDB_20120810.PutItem",
                        "DynamoDB_20120810.PutItem", "DynamoDB_20120810.PutItem",
                        "DynamoDB_20120810.UpdateItem", "AmazonSNS.Publish", "DynamoDB_20120810.PutItem",
                        "DynamoDB_20120810.UpdateItem");
        assertThat(aws.itemCount(aws.referralsTable())).isZero();
        assertThat(aws.itemCount(aws.auditTable())).isZero();
        assertThat(aws.sns().publishCalls()).as("nothing reached SNS").isEqualTo(published);
    }
}
