package io.spineintake.priorauthpdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Priming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SnapStart hook's code in a plain JVM: the referral is looked up offline, not found; a blank packet rendered; nothing stored. */
@ExtendWith(LocalAwsExtension.class)
class PriorAuthPdfPrimingTest {

    @Test
    void primingLooksUpAReferralOfflineRendersABlankPacketAndStoresNothing(LocalAws aws) {
        PriorAuthPdfHandler handler = new PriorAuthPdfHandler(new Environment(aws.config(), aws.clients()));
        int before = Priming.answered().size();

        APIGatewayV2HTTPResponse primed = aws.withDynamoDbStopped(() -> PriorAuthPdfPriming.prime(handler));

        assertThat(primed.getStatusCode()).as("the referral is unknown, not the table unreachable").isEqualTo(404);
        assertThat(Priming.answered().subList(before, Priming.answered().size())).isNotEmpty()
                .allMatch(call -> call.startsWith("DynamoDB_20120810.Get"));
        assertThat(aws.itemCount(aws.referralsTable())).isZero();
        assertThat(aws.itemCount(aws.auditTable())).isZero();
    }
}
