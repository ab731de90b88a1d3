package io.spineintake.submit;

import io.spineintake.triage.TestForms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.intakes.IntakeRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 200 submissions at once from 24 threads, one handler instance (as one Lambda execution
 * environment would be, but concurrently, which is harsher): 50 keys are each sent twice with the
 * same body, 50 requests carry a key of their own and 50 none, so exactly 150 intakes must exist.
 */
@ExtendWith(LocalAwsExtension.class)
class ConcurrentSubmissionsTest {

    static final int THREADS = 24;
    static final int PAIRED_KEYS = 50;
    static final int SINGLE_KEYS = 50;
    static final int WITHOUT_KEY = 50;

    /** One request to send: its patient number (the body) and key (null for none). */
    record Planned(int patient, String key) {
    }

    record Sent(Planned planned, Answer answer) {
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a safety net against a hang, not a performance check
    void twoHundredConcurrentSubmissionsWithFiftyRepeatedKeysStoreExactly150Intakes(LocalAws aws) throws Exception {
        SubmitIntakeHandler handler = Intakes.handler(aws);
        List<Planned> plan = new ArrayList<>();
        int patient = 0;
        for (int i = 0; i < PAIRED_KEYS; i++, patient++) {
            String key = "pair-" + i + "-" + UUID.randomUUID();
            plan.add(new Planned(patient, key));
            plan.add(new Planned(patient, key));
        }
        for (int i = 0; i < SINGLE_KEYS; i++, patient++) {
            plan.add(new Planned(patient, "single-" + i + "-" + UUID.randomUUID()));
        }
        for (int i = 0; i < WITHOUT_KEY; i++, patient++) {
            plan.add(new Planned(patient, null));
        }
        assertThat(plan).hasSize(200);
        assertThat(patient).isEqualTo(150);
        Collections.shuffle(plan, new Random(20261127));
        int before = Intakes.count(aws);

        List<Sent> sent = sendAllAtOnce(handler, plan);

        // no 5xx, in fact nothing but 201: every body is a valid form
        assertThat(sent).extracting(s -> s.answer().status()).containsOnly(201);
        // exactly 150 items, 150 distinct ids answered
        assertThat(Intakes.count(aws) - before).isEqualTo(150);
        assertThat(sent.stream().map(s -> s.answer().json().path("intakeId").asText()).distinct()).hasSize(150);

        // each repeated key: one original, one replay with the byte-identical body
        Map<String, List<Sent>> byKey = sent.stream().filter(s -> s.planned().key() != null)
                .collect(Collectors.groupingBy(s -> s.planned().key()));
        assertThat(byKey).hasSize(PAIRED_KEYS + SINGLE_KEYS);
        int replays = 0;
        Map<String, IntakeRecord> stored = Intakes.all(aws).stream()
                .collect(Collectors.toMap(IntakeRecord::intakeId, Function.identity()));
        for (Map.Entry<String, List<Sent>> e : byKey.entrySet()) {
            List<Sent> answers = e.getValue();
            String id = IntakeSubmission.intakeIdForKey(e.getKey());
            List<Sent> originals = answers.stream().filter(s -> !s.answer().replayed()).toList();
            assertThat(originals).as("original answers for one key").hasSize(1);
            String original = originals.get(0).answer().body();
            for (Sent s : answers) {
                assertThat(s.answer().json().path("intakeId").asText()).isEqualTo(id);
                assertThat(s.answer().body()).isEqualTo(original);
                if (s.answer().replayed()) {
                    replays++;
                }
            }
            assertThat(stored.get(id).responseJson()).isEqualTo(original);
        }
        assertThat(replays).isEqualTo(PAIRED_KEYS);

        // every answer belongs to the item stored for it, and the item holds that request's form
        for (Sent s : sent) {
            IntakeRecord item = stored.get(s.answer().json().path("intakeId").asText());
            assertThat(item).isNotNull();
            assertThat(TestForms.tree(item.formJson()).path("patient").path("name").asText())
                    .isEqualTo(String.format("%s %03d", Fixtures.PARALLEL_NAME, s.planned().patient()));
            if (!s.answer().replayed()) {
                assertThat(item.responseJson()).isEqualTo(s.answer().body());
            }
        }
        assertEachLogLineNamesItsOwnIntake(sent);

        Set<Integer> patientsStored = new HashSet<>();
        stored.values().forEach(r -> patientsStored.add(Integer.parseInt(
                TestForms.tree(r.formJson()).path("patient").path("name").asText().replace(Fixtures.PARALLEL_NAME + " ", ""))));
        assertThat(patientsStored).hasSize(150);
    }

    /**
     * The log keys are per invocation even with 24 invocations at once on one handler: each
     * request's "answered 201" line carries its own Lambda request id and its own intake id.
     */
    static void assertEachLogLineNamesItsOwnIntake(List<Sent> sent) throws Exception {
        Map<String, String> intakeByRequest = sent.stream().collect(Collectors.toMap(
                s -> s.answer().lambdaRequestId(), s -> s.answer().json().path("intakeId").asText()));
        Map<String, String> logged = new HashMap<>();
        for (String line : Files.readAllLines(PhiLogScanTest.logFile(), StandardCharsets.UTF_8)) {
            JsonNode event = TestForms.tree(line);
            String request = event.path("function_request_id").asText();
            if (intakeByRequest.containsKey(request) && event.path("message").asText().equals("POST /intakes answered 201")) {
                assertThat(logged.put(request, event.path("intake_id").asText())).as("one line per request").isNull();
            }
        }
        assertThat(logged).isEqualTo(intakeByRequest);
    }

    /** Every request waits on one latch; all are released together. */
    static List<Sent> sendAllAtOnce(SubmitIntakeHandler handler, List<Planned> plan) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Sent>> futures = new ArrayList<>();
            for (Planned p : plan) {
                // the bodies are built before the start, so the threads only build the event and call the handler
                Post post = Post.form(Fixtures.parallel(p.patient()));
                if (p.key() != null) {
                    post.key(p.key());
                }
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return new Sent(p, post.to(handler));
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads waiting at the latch").isTrue();
            go.countDown();
            List<Sent> sent = new ArrayList<>();
            for (Future<Sent> f : futures) {
                sent.add(f.get(90, TimeUnit.SECONDS));
            }
            return sent;
        } finally {
            pool.shutdownNow();
        }
    }
}
