package io.spineintake.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.local.backends.MetricsLog;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.Referral;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.triage.assess.Disposition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sweep through the real consumer, DynamoDB (dynalite), the SNS client and the local SNS
 * endpoint, on an injected clock: alerts that failed are sent later and once; unclaimed
 * emergencies and urgent reviews escalate after the clinic's settings, once, and into the audit
 * trail; claimed ones do not.
 */
@ExtendWith(LocalAwsExtension.class)
class ReferralSweepTest {
    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void anAlertThatFailedToPublishIsSentByTheNextSweepAndOnlyOnce(LocalAws aws) {
        Referrals stack = new Referrals(aws, T0);
        aws.sns().failNext(AwsClients.MAX_ATTEMPTS);
        String id = stack.create(Disposition.EMERGENCY, T0.plus(Duration.ofHours(1)));
        assertThat(stack.alerts(id)).as("SNS was down").isEmpty();

        stack.clock.advance(Duration.ofMinutes(1));
        SweepReport first = stack.sweep();
        stack.clock.advance(Duration.ofMinutes(1));
        stack.sweep();

        assertThat(first.alertsSent()).isGreaterThanOrEqualTo(1);
        assertThat(stack.alerts(id)).hasSize(1);
        ReferralRecord r = stack.repository.get(id).orElseThrow();
        assertThat(r.alertedAt()).isEqualTo("2026-12-01T02:01:00.000Z");
        assertThat(stack.repository.trail(r)).extracting(AuditEntry::action).containsOnlyOnce(AuditAction.ALERTED);
    }

    @Test
    void anUnclaimedEmergencyEscalatesAfterItsSettingOnceAndIntoTheTrail(LocalAws aws) {
        Referrals stack = new Referrals(aws, T0.plus(Duration.ofDays(1)));
        Instant created = stack.clock.instant();
        String id = stack.create(Disposition.EMERGENCY, created.plus(Duration.ofHours(1)));
        assertThat(stack.alerts(id)).hasSize(1);

        stack.clock.set(created.plus(Duration.ofMinutes(14)).plusSeconds(59));
        stack.sweep();
        assertThat(stack.escalations(id)).as("before the 15 minutes").isEmpty();

        stack.clock.set(created.plus(Duration.ofMinutes(15)));
        SweepReport report = stack.sweep();
        assertThat(report.unclaimedPastEscalation()).isGreaterThanOrEqualTo(1);
        stack.clock.set(created.plus(Duration.ofMinutes(20)));
        stack.sweep();

        assertThat(stack.escalations(id)).hasSize(1);
        assertThat(stack.escalations(id).get(0).subject()).isEqualTo("Unclaimed EMERGENCY referral");
        assertThat(stack.alerts(id)).as("the alert is not sent again").hasSize(1);
        ReferralRecord r = stack.repository.get(id).orElseThrow();
        assertThat(r.escalatedAt()).isEqualTo(Timestamps.of(created.plus(Duration.ofMinutes(15))));
        List<AuditEntry> trail = stack.repository.trail(r);
        assertThat(trail).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATED, AuditAction.ALERTED, AuditAction.ESCALATED);
        assertThat(trail.get(2).actor()).isEqualTo(AuditEntry.SYSTEM);

        List<JsonNode> unclaimed = MetricsLog.read().stream()
                .filter(m -> m.has("UnclaimedPastEscalation") && m.path("Band").asText().equals("EMERGENCY")).toList();
        assertThat(unclaimed).as("the alarm's metric").anySatisfy(m ->
                assertThat(m.path("UnclaimedPastEscalation").asDouble()).isGreaterThanOrEqualTo(1.0));
    }

    @Test
    void aClaimedEmergencyDoesNotEscalate(LocalAws aws) {
        Referrals stack = new Referrals(aws, T0.plus(Duration.ofDays(2)));
        Instant created = stack.clock.instant();
        String id = stack.create(Disposition.EMERGENCY, created.plus(Duration.ofHours(1)));
        stack.clock.advance(Duration.ofMinutes(3));
        ReferralRecord r = stack.repository.get(id).orElseThrow();
        Referral.Result claim = Referral.claim(r, "coordinator-a", stack.clock.instant(), Duration.ofMinutes(30));
        assertThat(stack.repository.apply((Referral.Change) claim)).isPresent();

        stack.clock.set(created.plus(Duration.ofMinutes(16)));
        stack.sweep();
        stack.clock.set(created.plus(Duration.ofMinutes(25)));
        stack.sweep();

        assertThat(stack.escalations(id)).isEmpty();
        assertThat(stack.repository.get(id).orElseThrow().escalatedAt()).isNull();
    }

    @Test
    void anUrgentReviewEscalatesAfterItsOwnSettingNotTheEmergencys(LocalAws aws) {
        Referrals stack = new Referrals(aws, T0.plus(Duration.ofDays(3)));
        Instant created = stack.clock.instant();
        String id = stack.create(Disposition.URGENT_REVIEW, created.plus(Duration.ofDays(1)));
        assertThat(stack.alerts(id)).hasSize(1);

        stack.clock.set(created.plus(Duration.ofHours(1)));
        stack.sweep();
        assertThat(stack.escalations(id)).isEmpty();

        stack.clock.set(created.plus(Duration.ofHours(4)));
        stack.sweep();
        assertThat(stack.escalations(id)).hasSize(1);
        assertThat(stack.escalations(id).get(0).subject()).isEqualTo("Unclaimed URGENT REVIEW referral");
    }

    @Test
    void anEscalationThatFailedToPublishIsSentByTheNextSweep(LocalAws aws) {
        Referrals stack = new Referrals(aws, T0.plus(Duration.ofDays(4)));
        Instant created = stack.clock.instant();
        String id = stack.create(Disposition.EMERGENCY, created.plus(Duration.ofHours(1)));

        stack.clock.set(created.plus(Duration.ofMinutes(15)));
        aws.sns().failNext(AwsClients.MAX_ATTEMPTS);
        stack.sweep();
        // other referrals of this class may be owed an escalation too: only this one's matters
        stack.clock.set(created.plus(Duration.ofMinutes(16)));
        stack.sweep();
        stack.clock.set(created.plus(Duration.ofMinutes(17)));
        stack.sweep();

        assertThat(stack.escalations(id)).hasSize(1);
        assertThat(stack.repository.trail(stack.repository.get(id).orElseThrow())).extracting(AuditEntry::action)
                .containsOnlyOnce(AuditAction.ESCALATED);
    }
}
