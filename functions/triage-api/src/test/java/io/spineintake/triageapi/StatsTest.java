package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /referrals/stats over every referral. */
@ExtendWith(LocalAwsExtension.class)
class StatsTest {

    @Test
    void countsOldestWaitsAndOverdue(LocalAws aws) {
        Api api = new Api(aws);
        JsonNode empty = api.stats("alice.ng").body();
        assertThat(empty.path("total").asLong()).isZero();
        assertThat(empty.path("oldestWaitingSeconds").path("EMERGENCY").isNull()).isTrue();

        var now = api.clock.instant();
        api.create(Api.Spec.consult().disposition("EMERGENCY").submitted(now.minus(Duration.ofMinutes(50)))
                .due(now.plus(Duration.ofMinutes(10))));
        api.create(Api.Spec.consult().disposition("EMERGENCY").submitted(now.minus(Duration.ofMinutes(90)))
                .due(now.minus(Duration.ofMinutes(30))));
        api.create(Api.Spec.consult().disposition("URGENT_REVIEW").submitted(now.minus(Duration.ofHours(30)))
                .due(now.minus(Duration.ofHours(6))));
        for (int i = 0; i < 4; i++) {
            api.create(Api.Spec.consult().submitted(now.minus(Duration.ofDays(i + 1))).due(now.plus(Duration.ofDays(10))));
        }
        // a closed CONSULT referral submitted long ago does not count as waiting
        String decided = api.create(Api.Spec.consult().submitted(now.minus(Duration.ofDays(40)))
                .due(now.minus(Duration.ofDays(26)))).referralId();
        api.claim("bob.okafor", decided);
        assertThat(api.decide("bob.okafor", decided, 2, Map.of("outcome", "DECLINED")).status()).isEqualTo(200);
        // one waiting for the patient, one in review
        String waiting = api.create(Api.Spec.consult()).referralId();
        api.claim("bob.okafor", waiting);
        api.decide("bob.okafor", waiting, 2, Map.of("outcome", "NEEDS_MORE_INFORMATION"));
        String escalated = api.create(Api.Spec.consult().submitted(now.minus(Duration.ofDays(5)))).referralId();
        api.claim("bob.okafor", escalated);
        api.decide("bob.okafor", escalated, 2, Map.of("outcome", "ESCALATE_TO_URGENT"));
        api.claim("bob.okafor", api.create(Api.Spec.consult()).referralId());

        Api.Answer a = api.stats("alice.ng");
        assertThat(a.status()).isEqualTo(200);
        JsonNode s = a.body();
        assertThat(s.path("asOf").asText()).isEqualTo("2026-11-27T09:00:00.000Z");
        assertThat(s.path("total").asLong()).isEqualTo(11);
        assertThat(s.path("open").asLong()).isEqualTo(10);
        assertThat(s.path("byStatus").path("NEW").asLong()).isEqualTo(8);
        assertThat(s.path("byStatus").path("IN_REVIEW").asLong()).isEqualTo(1);
        assertThat(s.path("byStatus").path("WAITING_FOR_PATIENT").asLong()).isEqualTo(1);
        assertThat(s.path("byStatus").path("DECIDED").asLong()).isEqualTo(1);
        assertThat(s.path("byDisposition").path("EMERGENCY").asLong()).isEqualTo(2);
        assertThat(s.path("byDisposition").path("URGENT_REVIEW").asLong()).isEqualTo(2);
        assertThat(s.path("byDisposition").path("CONSULT").asLong()).isEqualTo(7);
        assertThat(s.path("overdue").asLong()).as("emergency 30 min late, urgent 6 h late").isEqualTo(2);
        assertThat(s.path("oldestWaitingSeconds").path("EMERGENCY").asLong()).isEqualTo(90 * 60);
        assertThat(s.path("oldestWaitingSeconds").path("URGENT_REVIEW").asLong()).as("the escalated one")
                .isEqualTo(Duration.ofDays(5).toSeconds());
        assertThat(s.path("oldestWaitingSeconds").path("CONSULT").asLong()).isEqualTo(Duration.ofDays(4).toSeconds());

        api.clock.advance(Duration.ofMinutes(10));
        assertThat(api.stats("alice.ng").body().path("overdue").asLong()).as("the first emergency is now due").isEqualTo(3);
    }
}
