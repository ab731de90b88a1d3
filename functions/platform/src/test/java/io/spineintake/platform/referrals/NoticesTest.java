package io.spineintake.platform.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.platform.Timestamps;
import io.spineintake.triage.assess.Disposition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which alerts and escalations a referral is owed, and what they say. */
class NoticesTest {
    static final Instant T0 = ReferralTest.T0;
    static final Notices.EscalationTimes TIMES = new Notices.EscalationTimes(Duration.ofMinutes(15), Duration.ofHours(4));

    @Test
    void anEmergencyIsOwedItsAlertAtOnceAndAnEscalationOnlyWhenStillUnclaimedAfterItsTime() {
        ReferralRecord emergency = ReferralTest.referral(Disposition.EMERGENCY); // created at T0
        assertThat(Notices.owed(emergency, T0, TIMES)).containsExactly(Notices.Kind.ALERT);
        assertThat(Notices.owed(emergency, T0.plus(Duration.ofMinutes(15)), TIMES))
                .containsExactly(Notices.Kind.ALERT, Notices.Kind.ESCALATION);

        ReferralRecord alerted = emergency.toBuilder().alertedAt(Timestamps.of(T0)).build();
        assertThat(Notices.owed(alerted, T0.plus(Duration.ofMinutes(14)), TIMES)).isEmpty();
        assertThat(Notices.owed(alerted, T0.plus(Duration.ofMinutes(16)), TIMES)).containsExactly(Notices.Kind.ESCALATION);

        ReferralRecord claimed = ((Referral.Change) Referral.claim(alerted, "alice", T0.plus(Duration.ofMinutes(5)),
                Duration.ofMinutes(30))).after();
        assertThat(Notices.owed(claimed, T0.plus(Duration.ofMinutes(16)), TIMES)).as("claimed: nobody to wake").isEmpty();
        assertThat(Notices.owed(alerted.toBuilder().escalatedAt(Timestamps.of(T0)).build(),
                T0.plus(Duration.ofHours(3)), TIMES)).as("escalated once").isEmpty();
    }

    @Test
    void aLiveClaimMeansSomeoneIsSendingItAndAnExpiredOneDoesNot() {
        ReferralRecord sending = ReferralTest.referral(Disposition.URGENT_REVIEW).toBuilder()
                .alertClaimUntil(Timestamps.of(T0.plus(Notices.CLAIM))).build();
        assertThat(Notices.owed(sending, T0.plusSeconds(60), TIMES)).isEmpty();
        assertThat(Notices.owed(sending, T0.plus(Notices.CLAIM), TIMES)).containsExactly(Notices.Kind.ALERT);
        assertThat(Notices.owed(sending, T0.plus(Duration.ofHours(4)), TIMES))
                .containsExactly(Notices.Kind.ALERT, Notices.Kind.ESCALATION);
    }

    @Test
    void routineListsAndClosedReferralsAreOwedNothing() {
        for (Disposition d : List.of(Disposition.CONSULT, Disposition.OTHER_PATHWAY, Disposition.CONSERVATIVE_CARE_FIRST)) {
            assertThat(Notices.owed(ReferralTest.referral(d), T0.plus(Duration.ofDays(30)), TIMES)).as(d.name()).isEmpty();
        }
        ReferralRecord closed = ReferralTest.referral(Disposition.EMERGENCY).toBuilder().worklist(null)
                .status(ReferralStatus.DECIDED).build();
        assertThat(Notices.owed(closed, T0.plus(Duration.ofDays(1)), TIMES)).isEmpty();
    }

    @Test
    void theMessageNamesTheBandTheDueTimeAndTheLinkAndNothingAboutThePatient() {
        ReferralRecord r = ReferralTest.referral(Disposition.EMERGENCY);
        Notices.Message alert = Notices.message(Notices.Kind.ALERT, r, "https://d1.cloudfront.net/console/");
        assertThat(alert.subject()).isEqualTo("New EMERGENCY referral");
        assertThat(alert.body()).contains("EMERGENCY", r.dueAt(), "https://d1.cloudfront.net/console/#/referrals/" + r.referralId())
                .doesNotContain("LUMBAR", "U_FEVER", String.valueOf(r.score()), "MODERATE");
        Notices.Message escalation = Notices.message(Notices.Kind.ESCALATION,
                ReferralTest.referral(Disposition.URGENT_REVIEW), "https://x/console/");
        assertThat(escalation.subject()).isEqualTo("Unclaimed URGENT REVIEW referral");
        assertThat(Notices.entry(Notices.Kind.ESCALATION, T0).action()).isEqualTo(AuditAction.ESCALATED);
        assertThat(AuditTrail.isChange(Notices.entry(Notices.Kind.ALERT, T0))).isFalse();
    }
}
