package io.spineintake.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Priming;
import io.spineintake.platform.intakes.IntakeRecord;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SnapStart hook's code in a plain JVM: a whole scheduled run, every shard queried offline. */
@ExtendWith(LocalAwsExtension.class)
class RouteReconcilerPrimingTest {

    @Test
    void primingQueriesEveryShardOfflineAndRoutesNothing(LocalAws aws) {
        RouteReconcilerHandler handler = new RouteReconcilerHandler(new Environment(
                aws.config(Map.of("ROUTE_PENDING_MIN_AGE_SECONDS", "120")), aws.clients()));
        int before = Priming.answered().size();

        ReconcileReport report = aws.withDynamoDbStopped(() -> RouteReconcilerPriming.prime(handler));

        assertThat(report.stoppedEarly()).as("no shard failed, with DynamoDB stopped").isFalse();
        assertThat(report.examined()).isZero();
        assertThat(Priming.answered().subList(before, Priming.answered().size()))
                .isEqualTo(Collections.nCopies(IntakeRecord.PENDING_SHARDS, "DynamoDB_20120810.Query"));
        assertThat(aws.consultQueueMessages()).isZero();
    }
}
