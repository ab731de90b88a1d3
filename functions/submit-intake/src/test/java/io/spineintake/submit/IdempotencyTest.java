package io.spineintake.submit;

import io.spineintake.triage.TestForms;

import io.spineintake.triage.assess.Disposition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.intakes.IntakeRecord;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Idempotency-Key: a retry with the same key and body gets the original 201 replayed and stores
 * nothing new; the same key with another body is refused (422) and changes nothing; a malformed
 * key is refused (400) before anything else.
 */
@ExtendWith(LocalAwsExtension.class)
class IdempotencyTest {

    static SubmitIntakeHandler handler;

    @BeforeAll
    static void wire(LocalAws aws) {
        handler = Intakes.handler(aws);
    }

    static String newKey() {
        return "idem-" + UUID.randomUUID();
    }

    @Test
    void sameKeyAndSameBodyTwiceStoresOneIntakeAndReplaysTheFirstAnswer(LocalAws aws) {
        String key = newKey();
        int before = Intakes.count(aws);

        Answer first = Post.form(Fixtures.typical()).key(key).to(handler);
        Answer second = Post.form(Fixtures.typical()).key(key).to(handler);

        String id = first.assertReceipt("CONSULT_TEAM_WILL_CONTACT");
        assertThat(second.assertCreated()).isEqualTo(id).isEqualTo(IntakeSubmission.intakeIdForKey(key));
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.header("Idempotent-Replayed")).contains("false");
        assertThat(second.header("Idempotent-Replayed")).contains("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(Intakes.count(aws)).isEqualTo(before + 1);
        assertThat(Intakes.all(aws)).filteredOn(r -> r.intakeId().equals(id)).hasSize(1);
        assertThat(Intakes.repository(aws).get(id).orElseThrow().responseJson()).isEqualTo(first.body());
    }

    @Test
    void sameKeyWithADifferentBodyIsRefusedAndTheStoredIntakeIsUnchanged(LocalAws aws) {
        String key = newKey();
        String id = Post.form(Fixtures.typical()).key(key).to(handler).assertCreated();
        IntakeRecord original = Intakes.repository(aws).get(id).orElseThrow();
        int before = Intakes.count(aws);

        Answer reused = Post.form(TestForms.with(Fixtures.typical(), "/notes", Fixtures.OTHER_NOTES)).key(key).to(handler);

        reused.assertProblem(422);
        assertThat(reused.problemType()).isEqualTo("urn:spine-intake:problem:idempotency-key-reused");
        assertThat(reused.pointers()).isEmpty();
        assertThat(reused.header("Location")).isEmpty();
        assertThat(reused.body()).doesNotContain(id, Fixtures.OTHER_NOTES, Fixtures.NAME);
        assertThat(Intakes.repository(aws).get(id)).contains(original);
        assertThat(Intakes.count(aws)).isEqualTo(before);
    }

    @Test
    void sameKeyWithAnEmergencyInsteadOfAConsultIsRefusedNotReassessed(LocalAws aws) {
        String key = newKey();
        String id = Post.form(Fixtures.typical()).key(key).to(handler).assertCreated();
        ObjectNode emergency = TestForms.with(TestForms.with(Fixtures.typical(), "/safety/saddleNumbness", "YES"),
                "/safety/bladderOrBowelChange", "YES");

        Answer reused = Post.form(emergency).key(key).to(handler);

        reused.assertProblem(422);
        assertThat(reused.problemType()).isEqualTo(IntakeSubmission.KEY_REUSED);
        assertThat(Intakes.repository(aws).get(id).orElseThrow().disposition()).isEqualTo(Disposition.CONSULT);
    }

    /** The request hash is over the body's bytes: the same form written differently is another body. */
    @Test
    void sameKeyWithTheSameFormReformattedIsADifferentBody(LocalAws aws) throws Exception {
        String key = newKey();
        Post.form(Fixtures.typical()).key(key).to(handler).assertCreated();
        String pretty = TestForms.PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(Fixtures.typical());

        Answer reformatted = Post.text(pretty).key(key).to(handler);

        reformatted.assertProblem(422);
        assertThat(reformatted.problemType()).isEqualTo(IntakeSubmission.KEY_REUSED);
    }

    /** The hash is over the decoded bytes: the same bytes plain or base64-encoded are the same body. */
    @Test
    void sameKeyWithTheSameBytesBase64EncodedIsAReplay() {
        String key = newKey();
        byte[] body = TestForms.bytes(Fixtures.typical());
        Answer plain = Post.text(new String(body, StandardCharsets.UTF_8)).key(key).to(handler);

        Answer encoded = Post.base64(body).key(key).to(handler);

        plain.assertCreated();
        assertThat(encoded.status()).isEqualTo(201);
        assertThat(encoded.replayed()).isTrue();
        assertThat(encoded.body()).isEqualTo(plain.body());
    }

    /** A refused form stores nothing, so its key is not used up: the corrected form goes through with it. */
    @Test
    void aKeyFirstSentWithAnInvalidFormCanBeUsedForTheCorrectedForm(LocalAws aws) {
        String key = newKey();

        Answer refused = Post.form(TestForms.with(Fixtures.typical(), "/pain/nrs/now", 11)).key(key).to(handler);
        Answer corrected = Post.form(Fixtures.typical()).key(key).to(handler);
        Answer retried = Post.form(Fixtures.typical()).key(key).to(handler);

        refused.assertProblem(422);
        assertThat(refused.pointers()).containsExactly("/pain/nrs/now");
        assertThat(corrected.assertCreated()).isEqualTo(IntakeSubmission.intakeIdForKey(key));
        assertThat(corrected.replayed()).isFalse();
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.body()).isEqualTo(corrected.body());
    }

    @Test
    void aKeyOf255VisibleAsciiCharactersIsAccepted() {
        StringBuilder key = new StringBuilder();
        for (int i = 0; key.length() < 255; i++) {
            key.append((char) (0x21 + i % (0x7f - 0x21))); // every visible ASCII character, "!" to "~"
        }

        Answer answer = Post.form(Fixtures.typical()).key(key.toString()).to(handler);

        assertThat(answer.assertCreated()).isEqualTo(IntakeSubmission.intakeIdForKey(key.toString()));
    }

    static Stream<Arguments> invalidKeys() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("256 characters", "k".repeat(256)),
                Arguments.of("10,000 characters", "k".repeat(10_000)),
                Arguments.of("a space inside", "idem key"),
                Arguments.of("only a space", " "),
                Arguments.of("leading space", " idem-key"),
                Arguments.of("non-ASCII letter", "clé-d'idempotence"),
                Arguments.of("emoji", "key-🔑"),
                Arguments.of("tab", "idem\tkey"),
                Arguments.of("CR LF (header injection)", "idem\r\nSet-Cookie: a=b"),
                Arguments.of("NUL", "idem\u0000key"),
                Arguments.of("DEL", "idem\u007fkey"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidKeys")
    void anInvalidKeyIsRefusedWith400AndNothingIsStored(String description, String key, LocalAws aws) {
        int before = Intakes.count(aws);

        Answer answer = Post.form(Fixtures.typical()).key(key).to(handler);

        answer.assertProblem(400);
        assertThat(answer.problemType()).isEqualTo("urn:spine-intake:problem:invalid-idempotency-key");
        assertThat(answer.pointers()).isEmpty();
        assertThat(answer.body()).doesNotContain("Set-Cookie", "clé", "kkkk");
        assertThat(Intakes.count(aws)).isEqualTo(before);
    }

    @Test
    void theKeyIsCheckedBeforeTheForm(LocalAws aws) {
        int before = Intakes.count(aws);

        Answer answer = Post.form(TestForms.with(Fixtures.typical(), "/pain/nrs/now", 11)).key("bad key").to(handler);

        answer.assertProblem(400);
        assertThat(answer.problemType()).isEqualTo(IntakeSubmission.BAD_KEY);
        assertThat(Intakes.count(aws)).isEqualTo(before);
    }
}
