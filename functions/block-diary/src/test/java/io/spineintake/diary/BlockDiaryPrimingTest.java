package io.spineintake.diary;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Priming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SnapStart hook's code in a plain JVM: a diary link is looked up offline, not found, and refused; nothing stored. */
@ExtendWith(LocalAwsExtension.class)
class BlockDiaryPrimingTest {

    @Test
    void primingLooksUpALinkOfflineAndStoresNothing(LocalAws aws) {
        BlockDiaryHandler handler = new BlockDiaryHandler(new Environment(aws.config(), aws.clients()));
        int before = Priming.answered().size();

        APIGatewayV2HTTPResponse primed = aws.withDynamoDbStopped(() -> BlockDiaryPriming.prime(handler));

        assertThat(primed.getStatusCode()).as("the link is unknown, not the table unreachable").isEqualTo(401);
        assertThat(Priming.answered().subList(before, Priming.answered().size())).isNotEmpty()
                .allMatch(call -> call.startsWith("DynamoDB_20120810.Get") || call.startsWith("DynamoDB_20120810.Query"));
        assertThat(aws.itemCount(aws.blocksTable())).isZero();
    }
}
