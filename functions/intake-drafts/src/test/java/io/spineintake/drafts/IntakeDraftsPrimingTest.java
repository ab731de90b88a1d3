package io.spineintake.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Priming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SnapStart hook's code in a plain JVM: a resume is looked up offline, not found, and refused; nothing stored. */
@ExtendWith(LocalAwsExtension.class)
class IntakeDraftsPrimingTest {

    @Test
    void primingLooksUpADraftOfflineAndStoresNothing(LocalAws aws) {
        IntakeDraftsHandler handler = new IntakeDraftsHandler(new Environment(aws.config(), aws.clients()));
        int before = Priming.answered().size();

        APIGatewayV2HTTPResponse primed = aws.withDynamoDbStopped(() -> IntakeDraftsPriming.prime(handler));

        assertThat(primed.getStatusCode()).as("the code is unknown, not the table unreachable").isNotEqualTo(503)
                .isBetween(400, 499);
        assertThat(Priming.answered().subList(before, Priming.answered().size()))
                .containsExactly("DynamoDB_20120810.GetItem");
        assertThat(aws.itemCount(aws.draftsTable())).isZero();
    }
}
