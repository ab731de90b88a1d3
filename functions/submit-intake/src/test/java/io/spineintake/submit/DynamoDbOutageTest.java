package io.spineintake.submit;

import io.spineintake.triage.TestForms;

import io.spineintake.triage.assess.Disposition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.intakes.IntakeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DynamoDB goes away mid-run (dynalite stopped: connection refused). Submissions then answer 503
 * problem+json with Retry-After, in bounded time (the platform's client timeouts and bounded
 * retries), and nothing is half-written: afterwards the table holds exactly the intakes that got a
 * 201, and a resubmission with the same Idempotency-Key is stored exactly once.
 *
 * <p>local/backends keeps dynalite's data in a directory, so stopping and starting it keeps the
 * table and its items (checked here: the intakes stored before the outage are still there).
 */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbOutageTest {

    static ObjectNode form(int n) {
        ObjectNode form = Fixtures.typical();
        ((ObjectNode) form.get("patient")).put("name", Fixtures.OUTAGE_NAME + " " + n);
        return form;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a safety net against a hang, not a performance check
    void duringAnOutageSubmissionsAre503AndAfterItTheTableHoldsExactlyTheIntakesThatGot201(LocalAws aws) {
        SubmitIntakeHandler handler = Intakes.handler(aws);
        List<String> created = new ArrayList<>();
        List<String> beforeKeys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = "before-" + i + "-" + UUID.randomUUID();
            beforeKeys.add(key);
            created.add(Post.form(form(i)).key(key).to(handler).assertCreated());
        }
        created.add(Post.form(form(3)).to(handler).assertCreated());
        assertThat(Intakes.count(aws)).isEqualTo(4);

        List<String> duringKeys = new ArrayList<>();
        List<Answer> during = new ArrayList<>();
        Answer replayDuring;
        Answer invalidDuring;
        try {
            aws.stopDynamoDb();

            for (int i = 10; i < 13; i++) {
                String key = "during-" + i + "-" + UUID.randomUUID();
                duringKeys.add(key);
                during.add(Post.form(form(i)).key(key).to(handler));
            }
            during.add(Post.form(form(13)).to(handler));
            // a retry of an intake stored before the outage cannot be answered either
            replayDuring = Post.form(form(0)).key(beforeKeys.get(0)).to(handler);
            // a form refused by the contract does not need the table
            invalidDuring = Post.form(TestForms.with(form(14), "/pain/nrs/now", 11)).to(handler);
        } finally {
            aws.startDynamoDb();
        }

        for (Answer a : during) {
            assertUnavailable(a);
        }
        assertUnavailable(replayDuring);
        invalidDuring.assertProblem(422);
        assertThat(invalidDuring.pointers()).containsExactly("/pain/nrs/now");

        // nothing half-written: exactly the intakes that got 201, each complete
        List<IntakeRecord> items = Intakes.all(aws);
        assertThat(items).extracting(IntakeRecord::intakeId).containsExactlyInAnyOrderElementsOf(created);
        for (IntakeRecord item : items) {
            assertThat(item.formJson()).isNotBlank();
            assertThat(item.assessmentJson()).isNotBlank();
            assertThat(item.responseJson()).isNotBlank();
            assertThat(item.requestHash()).isNotBlank();
            assertThat(item.disposition()).isEqualTo(Disposition.CONSULT);
        }

        // the patients who got 503 resend with the same key: stored exactly once each
        for (int i = 0; i < duringKeys.size(); i++) {
            String key = duringKeys.get(i);
            Answer resent = Post.form(form(10 + i)).key(key).to(handler);
            Answer again = Post.form(form(10 + i)).key(key).to(handler);

            assertThat(resent.assertCreated()).isEqualTo(IntakeSubmission.intakeIdForKey(key));
            assertThat(resent.replayed()).isFalse();
            assertThat(again.replayed()).isTrue();
            assertThat(again.body()).isEqualTo(resent.body());
            created.add(resent.json().path("intakeId").asText());
        }
        assertThat(Post.form(form(0)).key(beforeKeys.get(0)).to(handler).replayed()).isTrue();
        assertThat(Intakes.all(aws)).extracting(IntakeRecord::intakeId).containsExactlyInAnyOrderElementsOf(created);
        assertThat(Intakes.count(aws)).isEqualTo(4 + duringKeys.size());
    }

    static void assertUnavailable(Answer answer) {
        answer.assertProblem(503);
        assertThat(answer.header("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.header("Location")).isEmpty();
        assertThat(answer.json().has("intakeId")).isFalse();
        assertThat(answer.body()).doesNotContain(Fixtures.OUTAGE_NAME, Fixtures.EMAIL);
    }
}
