package io.spineintake.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.intakes.RoutingState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 2,000 submissions at concurrency 16 through the real handlers, with the consumer polling the
 * queue meanwhile: zero lost, zero duplicated referrals. Throughput and latency are reported
 * (target/load-test-report.txt), never asserted: speed is not what this test proves.
 */
@ExtendWith(LocalAwsExtension.class)
@Timeout(600)
class RoutingLoadTest {
    static final int SUBMISSIONS = Integer.getInteger("loadtest.submissions", 2000);
    static final int CONCURRENCY = 16;

    @Test
    void twoThousandSubmissionsBecomeExactlyTwoThousandReferrals(LocalAws aws) throws Exception {
        RoutingSystem system = new RoutingSystem(aws);
        String[] bodies = {RoutingSystem.sample("post-intake").getBody(), RoutingSystem.sample("post-intake-emergency").getBody()};

        AtomicBoolean submitting = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> {
            while (submitting.get()) {
                system.eventSource.pollOnce(10, 1, true);
            }
        }, "consult-queue-event-source");
        consumer.start();

        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < SUBMISSIONS; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                var event = RoutingSystem.sample("post-intake");
                event.setBody(bodies[n % 10 == 0 ? 1 : 0]);
                long t0 = System.nanoTime();
                APIGatewayV2HTTPResponse r = system.post(event);
                return new long[] {r.getStatusCode(), System.nanoTime() - t0};
            }));
        }
        long[] latencies = new long[SUBMISSIONS];
        int created = 0;
        for (int i = 0; i < SUBMISSIONS; i++) {
            long[] r = results.get(i).get();
            latencies[i] = r[1];
            if (r[0] == 201) {
                created++;
            }
        }
        long elapsed = System.nanoTime() - started;
        pool.shutdown();
        submitting.set(false);
        consumer.join();

        // whatever the consumer had not taken yet, and anything left PENDING
        system.reconcile();
        system.drainQueue();

        assertThat(created).as("201 answers").isEqualTo(SUBMISSIONS);
        var referrals = system.scan(aws.referralsTable());
        Set<String> distinct = new HashSet<>();
        referrals.forEach(r -> distinct.add(r.get("referralId").s()));
        assertThat(referrals).as("no referral lost").hasSize(SUBMISSIONS);
        assertThat(distinct).as("no referral duplicated").hasSize(SUBMISSIONS);
        assertThat(system.intakesIn(RoutingState.ROUTED)).isEqualTo(SUBMISSIONS);

        Arrays.sort(latencies);
        double seconds = elapsed / 1e9;
        String report = String.format(java.util.Locale.ROOT,
                "routing load test: %d submissions, concurrency %d, %.1f s, %.0f submissions/s,"
                        + " latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d referrals, 0 lost, 0 duplicated%n",
                SUBMISSIONS, CONCURRENCY, seconds, SUBMISSIONS / seconds, latencies[SUBMISSIONS / 2] / 1e6,
                latencies[(int) Math.ceil(SUBMISSIONS * 0.99) - 1] / 1e6, latencies[SUBMISSIONS - 1] / 1e6, referrals.size());
        System.out.print(report);
        write(Path.of("target", "load-test-report.txt"), report);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
