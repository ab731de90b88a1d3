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

/** The SnapStart hook's code in a plain JVM: a referral is made and put, with its audit entry, with DynamoDB stopped; nothing is stored. */
@ExtendWith(LocalAwsExtension.class)
class ConsultQueuePrimingTest {

    @Test
    void primingMakesAReferralOfflineAndStoresNone(LocalAws aws) {
        ConsultQueueHandler handler = new ConsultQueueHandler(new Environment(aws.config(Map.of(
                "REFERRAL_DUE_EMERGENCY", "PT1H", "REFERRAL_DUE_URGENT_REVIEW", "P1D", "REFERRAL_DUE_CONSULT", "P14D",
                "REFERRAL_DUE_OTHER_PATHWAY", "P14D")),
                aws.clients()));
        int before = Priming.answered().size();

        SQSBatchResponse primed = aws.withDynamoDbStopped(() -> ConsultQueuePriming.prime(handler));

        assertThat(primed.getBatchItemFailures()).as("stored offline, with DynamoDB stopped").isEmpty();
        assertThat(Priming.answered().subList(before, Priming.answered().size()))
                .as("the referral, then its creation entry in the audit table")
                .containsExactly("DynamoDB_20120810.PutItem", "DynamoDB_20120810.PutItem");
        assertThat(aws.itemCount(aws.referralsTable())).isZero();
        assertThat(aws.itemCount(aws.auditTable())).isZero();
    }
}
