package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Priming;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SnapStart hook's code in a plain JVM: the worklist is read offline, every segment, and answered. */
@ExtendWith(LocalAwsExtension.class)
class TriageApiPrimingTest {

    @Test
    void primingReadsTheWholeWorklistOffline(LocalAws aws) {
        TriageApiHandler handler = new TriageApiHandler(new Environment(aws.config(Map.of(
                "WORKLIST_CURSOR_KEY", "priming-test-cursor-key-0123456789abcdef")), aws.clients()));
        int before = Priming.answered().size();

        APIGatewayV2HTTPResponse primed = aws.withDynamoDbStopped(() -> TriageApiPriming.prime(handler));

        assertThat(primed.getStatusCode()).as("answered with DynamoDB stopped").isEqualTo(200);
        assertThat(primed.getBody()).contains("\"items\":[]");
        assertThat(Priming.answered().subList(before, Priming.answered().size()))
                .hasSize(WorklistCursor.SEGMENTS).containsOnly("DynamoDB_20120810.Query");
        assertThat(aws.itemCount(aws.referralsTable())).isZero();
        assertThat(aws.itemCount(aws.auditTable())).as("no view is audited: a list shows no referral").isZero();
    }
}
