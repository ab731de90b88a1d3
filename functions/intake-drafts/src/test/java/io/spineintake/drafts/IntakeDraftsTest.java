package io.spineintake.drafts;

import static io.spineintake.drafts.DraftRequests.resume;
import static io.spineintake.drafts.DraftRequests.resumeBody;
import static io.spineintake.drafts.DraftRequests.save;
import static io.spineintake.drafts.DraftRequests.saveBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.local.backends.TestClock;
import io.spineintake.platform.drafts.DraftsTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The drafts handler through its real repository against dynalite, with a clock the test moves. */
@ExtendWith(LocalAwsExtension.class)
class IntakeDraftsTest {

    static final String FORM = "{\"patient\":{\"name\":\"Draftina Keepsake-Sample\",\"dateOfBirth\":\"1968-07-21\"},"
            + "\"pain\":{\"regions\":[{\"region\":\"CERVICAL\",\"durationMonths\":9}]}}";
    static final String DOB = "1968-07-21";

    private final LocalAws aws;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final IntakeDraftsHandler handler;

    IntakeDraftsTest(LocalAws aws) {
        this.aws = aws;
        this.handler = new IntakeDraftsHandler(aws.clients(), aws.draftsTable(), clock);
        DraftRequests.remember("Draftina Keepsake-Sample");
    }

    @BeforeEach
    void emptyTable() {
        for (Map<String, AttributeValue> item : items()) {
            aws.clients().dynamoDb().deleteItem(r -> r.tableName(aws.draftsTable())
                    .key(Map.of(DraftsTable.DRAFT_KEY, item.get(DraftsTable.DRAFT_KEY))));
        }
    }

    List<Map<String, AttributeValue>> items() {
        return aws.clients().dynamoDb().scan(r -> r.tableName(aws.draftsTable())).items();
    }

    String newCode() {
        DraftRequests.Answer saved = save(handler, saveBody(FORM, DOB));
        assertThat(saved.status()).isEqualTo(201);
        return saved.json().get("resumeCode").asText();
    }

    @Test
    void aSavedDraftComesBackWithItsCodeAndDateOfBirth() throws Exception {
        DraftRequests.Answer saved = save(handler, saveBody(FORM, DOB));

        assertThat(saved.status()).isEqualTo(201);
        String code = saved.json().get("resumeCode").asText();
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}");
        assertThat(Instant.parse(saved.json().get("expiresAt").asText())).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(saved.headers()).containsEntry("Cache-Control", "no-store");

        // typed as a patient might: lower case, a space instead of the hyphen
        DraftRequests.Answer back = resume(handler, resumeBody(code.toLowerCase().replace('-', ' '), DOB));
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("form")).isEqualTo(DraftRequests.JSON.readTree(FORM));
        assertThat(back.json().get("expiresAt").asText()).isEqualTo(saved.json().get("expiresAt").asText());
    }

    @Test
    void theTableHoldsNeitherTheCodeNorTheDateOfBirthInClear() {
        String code = newCode();

        List<Map<String, AttributeValue>> items = items();
        assertThat(items).hasSize(1);
        Map<String, AttributeValue> item = items.get(0);
        // the answers themselves are in formJson (encrypted at rest by the table's KMS key); nothing else holds them
        Map<String, AttributeValue> rest = new java.util.HashMap<>(item);
        rest.remove(DraftRepository.FORM_JSON);
        assertThat(rest.toString()).doesNotContain(code).doesNotContain(code.replace("-", "")).doesNotContain(DOB);
        assertThat(item.get(DraftsTable.DRAFT_KEY).s()).isEqualTo(ResumeCode.key(code.replace("-", ""))).hasSize(64);
        // the TTL attribute lets AWS delete it; the code checks expiry itself (dynalite never deletes)
        assertThat(Long.parseLong(item.get(DraftsTable.TTL).n()))
                .isEqualTo(clock.instant().plus(Duration.ofDays(7)).getEpochSecond());
    }

    @Test
    void aNewCodeMakesANewDraftAndReplacesNothing() {
        String first = newCode();
        String second = newCode();

        assertThat(second).isNotEqualTo(first);
        assertThat(items()).hasSize(2);
        assertThat(resume(handler, resumeBody(first, DOB)).status()).isEqualTo(200);
        assertThat(resume(handler, resumeBody(second, DOB)).status()).isEqualTo(200);
    }

    @Test
    void anUnknownCodeAndAWrongDateOfBirthGetTheSameAnswer() {
        String code = newCode();

        DraftRequests.Answer unknown = resume(handler, resumeBody("ZZZZ-ZZZZ", DOB));
        DraftRequests.Answer wrongDate = resume(handler, resumeBody(code, "1968-07-22"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongDate.status()).isEqualTo(404);
        assertThat(wrongDate.body()).isEqualTo(unknown.body());
        assertThat(unknown.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(unknown.type()).isEqualTo(IntakeDrafts.NO_MATCH);
    }

    @Test
    void fiveWrongDatesOfBirthLockTheDraftEvenForTheRightOne() {
        String code = newCode();

        for (int i = 1; i <= 4; i++) {
            assertThat(resume(handler, resumeBody(code, "1970-01-0" + i)).status()).as("wrong try %d", i).isEqualTo(404);
        }
        DraftRequests.Answer fifth = resume(handler, resumeBody(code, "1970-01-05"));
        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.type()).isEqualTo(IntakeDrafts.LOCKED);

        DraftRequests.Answer right = resume(handler, resumeBody(code, DOB));
        assertThat(right.status()).isEqualTo(423);
        assertThat(right.body()).doesNotContain("Draftina");
        // the counter stops at the limit: one conditional update per try, none past it
        assertThat(items().get(0).get(DraftRepository.FAILED_TRIES).n()).isEqualTo("5");
    }

    @Test
    void aDraftExpiresAfterSevenDays() {
        String code = newCode();

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(resume(handler, resumeBody(code, DOB)).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        DraftRequests.Answer expired = resume(handler, resumeBody(code, DOB));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.type()).isEqualTo(IntakeDrafts.EXPIRED);
        assertThat(expired.json().get("detail").asText()).contains("expired");
    }

    @Test
    void anUnreachableTableIs503AndSaysNothingWasSaved() {
        aws.stopDynamoDb();
        try {
            DraftRequests.Answer answer = save(handler, saveBody(FORM, DOB));
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.headers()).containsKey("Retry-After");
            assertThat(answer.json().get("detail").asText()).contains("Nothing was saved");
        } finally {
            aws.startDynamoDb();
        }
    }

    /** Bad input: a clear 4xx pointing at the field, never quoting it, and nothing written. */
    @Nested
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = {"not json", "[1,2]", "\"text\"", "{\"form\":{}} trailing", "{\"form\":{},\"form\":{}}", ""})
        void aBodyThatIsNotOneJsonObjectIs400(String body) {
            assertRefused(save(handler, body), 400, "");
        }

        @Test
        void saveNeedsAFormObjectAndARealDateOfBirth() {
            assertRefused(save(handler, "{\"dateOfBirth\":\"1968-07-21\"}"), 422, "/form");
            assertRefused(save(handler, "{\"form\":[],\"dateOfBirth\":\"1968-07-21\"}"), 422, "/form");
            assertRefused(save(handler, saveBody(FORM, "1968-02-30")), 422, "/dateOfBirth");
            assertRefused(save(handler, saveBody(FORM, "21/07/1968")), 422, "/dateOfBirth");
            assertRefused(save(handler, saveBody(FORM, "1899-12-31")), 422, "/dateOfBirth");
            assertRefused(save(handler, saveBody(FORM, "2999-01-01")), 422, "/dateOfBirth");
            assertRefused(save(handler, "{\"form\":{},\"dateOfBirth\":19680721}"), 422, "/dateOfBirth");
            assertRefused(save(handler, "{\"form\":{},\"dateOfBirth\":\"1968-07-21\",\"resumeCode\":\"ABCD-EFGH\"}"),
                    422, "/resumeCode");
        }

        @Test
        void resumeNeedsACodeOfTheRightShape() {
            newCode();
            int before = items().size();
            for (String code : List.of("ABCD-EFG", "ABCD-EFGHJ", "0OIL-1111", "ABCD_EFGH", "")) {
                DraftRequests.Answer answer = resume(handler, resumeBody(code, DOB));
                assertRefused(answer, 422, "/resumeCode");
            }
            assertRefused(resume(handler, "{\"resumeCode\":12345678,\"dateOfBirth\":\"1968-07-21\"}"), 422, "/resumeCode");
            assertRefused(resume(handler, "{\"resumeCode\":\"ABCD-EFGH\"}"), 422, "/dateOfBirth");
            assertThat(items()).hasSize(before);
        }

        @Test
        void otherMediaTypesAndHugeBodiesAreRefused() {
            assertRefused(DraftRequests.send(handler, "save-draft.json", saveBody(FORM, DOB), "text/plain"), 415, "");
            assertRefused(save(handler, saveBody("{\"notes\":\"" + "x".repeat(70_000) + "\"}", DOB)), 413, "");
            assertThat(items()).isEmpty();
        }

        @Test
        void textThatIsNotUnicodeIsRefusedNotStoredAsSomethingElse() {
            // a lone surrogate escape is no character: it could not be stored as sent
            assertRefused(save(handler, "{\"form\":{\"notes\":[\"ok\",\"\\ud800\"]},\"dateOfBirth\":\"1968-07-21\"}"), 422, "/form");
            assertRefused(save(handler, "{\"form\":{\"\\udfff\":1},\"dateOfBirth\":\"1968-07-21\"}"), 400, "");
            assertRefused(save(handler, "{\"form\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"dateOfBirth\":\"1968-07-21\"}"), 400, "");
            assertThat(items()).isEmpty();
        }

        void assertRefused(DraftRequests.Answer answer, int status, String pointer) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(status);
            assertThat(answer.headers()).containsEntry("Content-Type", "application/problem+json");
            assertThat(answer.json().path("errors").findValuesAsText("pointer")).contains(pointer);
            // the answer names fields, never what was sent in them
            assertThat(answer.body()).doesNotContain("1968-07-21").doesNotContain("1968-02-30")
                    .doesNotContain("EFGH").doesNotContain("Draftina");
            if (status != 404) {
                assertThat(items().stream().map(i -> i.get(DraftRepository.FAILED_TRIES).n()).collect(Collectors.toSet()))
                        .isSubsetOf("0");
            }
        }
    }
}
