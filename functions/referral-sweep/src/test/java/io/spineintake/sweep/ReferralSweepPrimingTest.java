package io.spineintake.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.local.backends.MetricsLog;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Priming;
import io.spineintake.platform.referrals.Band;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SnapStart hook's code in a plain JVM: a whole sweep, every band queried offline, nothing sent or counted. */
@ExtendWith(LocalAwsExtension.class)
class ReferralSweepPrimingTest {

    @Test
    void primingQueriesEveryBandOfflineAndSendsAndCountsNothing(LocalAws aws) {
        ReferralSweepHandler handler = new ReferralSweepHandler(new Environment(aws.config(), aws.clients()));
        int answered = Priming.answered().size();
        int published = aws.sns().publishCalls();
        int metrics = MetricsLog.read().size();

        SweepReport report = aws.withDynamoDbStopped(() -> ReferralSweepPriming.prime(handler));

        assertThat(report.stoppedEarly()).as("no band failed, with DynamoDB stopped").isFalse();
        assertThat(report.open()).isZero();
        assertThat(Priming.answered().subList(answered, Priming.answered().size()))
                .isEqualTo(Collections.nCopies(Band.IN_ORDER.size(), "DynamoDB_20120810.Query"));
        assertThat(aws.sns().publishCalls()).isEqualTo(published);
        assertThat(MetricsLog.read()).as("no metric line from a priming run").hasSize(metrics);
    }
}
