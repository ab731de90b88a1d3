package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /referrals/stats: median and 90th percentile time to decision per band, over the last 7 and 30 days. */
@ExtendWith(LocalAwsExtension.class)
class TimeToDecisionTest {

    @Test
    void nearestRankPercentiles() {
        assertThat(ReferralService.percentile(List.of(), 50)).isNull();
        assertThat(ReferralService.percentile(List.of(7L), 50)).isEqualTo(7);
        assertThat(ReferralService.percentile(List.of(7L), 90)).isEqualTo(7);
        assertThat(ReferralService.percentile(List.of(1L, 2L, 3L, 4L), 50)).as("the lower middle of an even count").isEqualTo(2);
        assertThat(ReferralService.percentile(List.of(1L, 2L, 3L, 4L, 5L), 50)).isEqualTo(3);
        List<Long> ten = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(ReferralService.percentile(ten, 90)).isEqualTo(90);
        List<Long> eleven = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L, 110L);
        assertThat(ReferralService.percentile(eleven, 90)).as("rank ceil(9.9) = 10").isEqualTo(100);
        assertThat(ReferralService.DecisionTimes.of(List.of(300L, 100L, 200L)))
                .as("any order").isEqualTo(new ReferralService.DecisionTimes(3, 200L, 300L));
        assertThat(ReferralService.DecisionTimes.of(List.of())).isEqualTo(new ReferralService.DecisionTimes(0, null, null));
    }

    @Test
    void perBandOverTheLastSevenAndThirtyDays(LocalAws aws) {
        Api api = new Api(aws);
        Instant t0 = api.clock.instant();
        JsonNode none = api.stats("alice.ng").body().path("timeToDecision");
        for (String window : List.of("last7Days", "last30Days")) {
            for (String band : List.of("EMERGENCY", "URGENT_REVIEW", "CONSULT", "OTHER_PATHWAY", "CONSERVATIVE_CARE_FIRST")) {
                JsonNode t = none.path(window).path(band);
                assertThat(t.path("decided").asLong()).as(window + " " + band).isZero();
                assertThat(t.path("medianSeconds").isNull()).isTrue();
                assertThat(t.path("p90Seconds").isNull()).isTrue();
            }
        }

        // consults decided 1 h, 2 h, 3 h and 10 h after submission, 20 days ago; then 4 h and 5 h ones today
        api.clock.set(t0.minus(Duration.ofDays(20)));
        for (long hours : new long[] {1, 2, 3, 10}) {
            decideAfter(api, "CONSULT", hours, "SCHEDULE_CONSULT", null);
        }
        // decided 40 days ago: in neither window
        api.clock.set(t0.minus(Duration.ofDays(40)));
        decideAfter(api, "CONSULT", 100, "DECLINED", null);
        api.clock.set(t0);
        decideAfter(api, "CONSULT", 4, "SCHEDULE_CONSULT", null);
        decideAfter(api, "CONSULT", 5, "DECLINED", null);
        // an emergency closed 30 minutes after it came in
        api.clock.set(t0.minus(Duration.ofDays(1)));
        String emergency = decideAfterMinutes(api, "EMERGENCY", 30, "REFERRED_TO_EMERGENCY_CARE", "Sent to the ED.");
        // not closed: waiting for the patient, or escalated; they do not count as decided
        api.clock.set(t0);
        decideAfter(api, "CONSULT", 6, "NEEDS_MORE_INFORMATION", null);
        decideAfter(api, "CONSULT", 7, "ESCALATE_TO_URGENT", null);

        JsonNode s = api.stats("alice.ng").body();
        JsonNode week = s.path("timeToDecision").path("last7Days");
        JsonNode month = s.path("timeToDecision").path("last30Days");
        assertThat(week.path("CONSULT").path("decided").asLong()).isEqualTo(2);
        assertThat(week.path("CONSULT").path("medianSeconds").asLong()).isEqualTo(hours(4));
        assertThat(week.path("CONSULT").path("p90Seconds").asLong()).isEqualTo(hours(5));
        assertThat(month.path("CONSULT").path("decided").asLong()).as("1, 2, 3, 4, 5, 10 h").isEqualTo(6);
        assertThat(month.path("CONSULT").path("medianSeconds").asLong()).as("rank 3 of 6").isEqualTo(hours(3));
        assertThat(month.path("CONSULT").path("p90Seconds").asLong()).as("rank 6 of 6").isEqualTo(hours(10));
        assertThat(week.path("EMERGENCY").path("decided").asLong()).isEqualTo(1);
        assertThat(week.path("EMERGENCY").path("medianSeconds").asLong()).isEqualTo(30 * 60);
        assertThat(week.path("EMERGENCY").path("p90Seconds").asLong()).isEqualTo(30 * 60);
        assertThat(week.path("URGENT_REVIEW").path("decided").asLong()).as("the escalated one is open").isZero();
        assertThat(api.get(emergency).decidedAt()).isNotNull();

        // a week later the consults of today are still in the 30 days, and the emergency left the 7
        api.clock.set(t0.plus(Duration.ofDays(7)));
        JsonNode later = api.stats("alice.ng").body().path("timeToDecision");
        assertThat(later.path("last7Days").path("CONSULT").path("decided").asLong()).as("exactly 7 days ago is out").isZero();
        assertThat(later.path("last7Days").path("EMERGENCY").path("decided").asLong()).isZero();
        assertThat(later.path("last30Days").path("CONSULT").path("decided").asLong()).isEqualTo(6);
        assertThat(later.path("last30Days").path("EMERGENCY").path("decided").asLong()).isEqualTo(1);
    }

    @Test
    void overdueCountsPerBand(LocalAws aws) {
        Api api = new Api(aws);
        Instant now = api.clock.instant();
        api.create(Api.Spec.consult().disposition("EMERGENCY").submitted(now.minus(Duration.ofHours(3))).due(now.minus(Duration.ofHours(2))));
        api.create(Api.Spec.consult().disposition("URGENT_REVIEW").submitted(now.minus(Duration.ofHours(30))).due(now.minus(Duration.ofHours(6))));
        api.create(Api.Spec.consult().disposition("URGENT_REVIEW").submitted(now.minus(Duration.ofHours(26))).due(now.minus(Duration.ofHours(2))));
        api.create(Api.Spec.consult().submitted(now.minus(Duration.ofDays(1))).due(now.plus(Duration.ofDays(13))));
        JsonNode s = api.stats("alice.ng").body();
        assertThat(s.path("overdue").asLong()).isEqualTo(3);
        assertThat(s.path("overdueByDisposition").path("EMERGENCY").asLong()).isEqualTo(1);
        assertThat(s.path("overdueByDisposition").path("URGENT_REVIEW").asLong()).isEqualTo(2);
        assertThat(s.path("overdueByDisposition").path("CONSULT").asLong()).isZero();
        assertThat(s.path("overdueByDisposition").path("OTHER_PATHWAY").asLong()).isZero();
    }

    private static long hours(long h) {
        return Duration.ofHours(h).toSeconds();
    }

    /** A referral of this disposition submitted {@code hours} before the clock, claimed and decided now. */
    private static String decideAfter(Api api, String disposition, long hours, String outcome, String reason) {
        return decideAfterMinutes(api, disposition, hours * 60, outcome, reason);
    }

    private static String decideAfterMinutes(Api api, String disposition, long minutes, String outcome, String reason) {
        Instant now = api.clock.instant();
        String id = api.create(Api.Spec.consult().disposition(disposition).submitted(now.minus(Duration.ofMinutes(minutes)))
                .due(now.plus(Duration.ofDays(1)))).referralId();
        assertThat(api.claim("bob.okafor", id).status()).isEqualTo(200);
        Map<String, Object> body = reason == null ? Map.of("outcome", outcome) : Map.of("outcome", outcome, "reason", reason);
        assertThat(api.decide("bob.okafor", id, 2, body).status()).isEqualTo(200);
        return id;
    }
}
