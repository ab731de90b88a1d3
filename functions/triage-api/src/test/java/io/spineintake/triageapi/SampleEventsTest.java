package io.spineintake.triageapi;

import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.platform.referrals.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.local.backends.RepoRoot;
import io.spineintake.platform.referrals.ReferralRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every file of events/triage-api, loaded as Lambda's runtime would deserialise it, through the
 * real handler on dynalite, after making the referrals and intake the files name. The statuses are
 * the ones events/triage-api/README.md promises.
 */
@ExtendWith(LocalAwsExtension.class)
class SampleEventsTest {
    static final String A = "3f1c9a52-7d4e-4b8a-9e21-5c6d7e8f9a01";
    static final String B = "3f1c9a52-7d4e-4b8a-9e21-5c6d7e8f9a02";
    static final String C = "3f1c9a52-7d4e-4b8a-9e21-5c6d7e8f9a03";
    static final String USER = "coordinator.sample";

    /** In the order they are run, with the status each must get. */
    static final Map<String, Integer> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("get-worklist.json", 200);
        EXPECTED.put("get-referral.json", 200);
        EXPECTED.put("claim.json", 200);
        EXPECTED.put("release.json", 200);
        EXPECTED.put("decision.json", 200);
        EXPECTED.put("get-stats.json", 200);
        EXPECTED.put("forbidden-no-group.json", 403);
    }

    static Path eventsDir() {
        return RepoRoot.find().resolve("events/triage-api");
    }

    @Test
    void everyEventFileIsCovered() throws IOException {
        try (Stream<Path> files = Files.list(eventsDir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList())
                    .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        }
    }

    @Test
    void eachEventGetsItsStatus(LocalAws aws) {
        Api api = new Api(aws);
        api.createWithIntake(A);
        api.create(B, Api.Spec.consult(), Api.priorityKey(Api.Spec.consult()));
        api.create(C, Api.Spec.consult(), Api.priorityKey(Api.Spec.consult()));
        assertThat(api.claim(USER, B).status()).isEqualTo(200);
        assertThat(api.claim(USER, C).etag()).as("decision.json's If-Match").isEqualTo("\"2\"");

        Map<String, Api.Answer> answers = new LinkedHashMap<>();
        EXPECTED.forEach((file, status) -> {
            APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(eventsDir().resolve(file).toString());
            Api.Answer a = Api.answer(api.handler.handleRequest(event, LambdaContext.invocation(Api.FUNCTION, 10)));
            assertThat(a.status()).as("%s: %s", file, a.body()).isEqualTo(status);
            answers.put(file, a);
        });

        assertThat(answers.get("get-worklist.json").body().path("items").findValuesAsText("referralId")).contains(A);
        assertThat(answers.get("get-referral.json").body().path("form").path("patient").isObject()).isTrue();
        assertThat(answers.get("claim.json").body().path("assignee").asText()).isEqualTo(USER);
        assertThat(answers.get("release.json").body().path("status").asText()).isEqualTo("NEW");
        assertThat(answers.get("decision.json").body().path("disposition").asText()).isEqualTo("CONSERVATIVE_CARE_FIRST");
        assertThat(answers.get("decision.json").etag()).isEqualTo("\"3\"");
        assertThat(answers.get("get-stats.json").body().path("total").asLong()).isEqualTo(3);
        assertThat(answers.get("forbidden-no-group.json").type()).isEqualTo(ApiProblem.NOT_A_COORDINATOR);

        ReferralRecord a = api.get(A);
        assertThat(api.audit(a)).extracting(e -> e.action()).containsExactly(AuditAction.CREATED, AuditAction.VIEWED, AuditAction.CLAIMED);
        assertThat(api.get(C).status()).isEqualTo(ReferralStatus.DECIDED);
        assertThat(List.of(api.get(B).status())).containsExactly(ReferralStatus.NEW);
    }
}
