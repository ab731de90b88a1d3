package io.spineintake.platform.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.platform.Timestamps;
import io.spineintake.platform.consult.ReferralSummary;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The referral aggregate's decisions, without a table: state in, new state and audit entry (or a refusal) out. */
class ReferralTest {
    static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(30);

    static ReferralRecord referral(Disposition d) {
        String key = Band.of(d).prefix() + "-9-040-" + String.format("%013d", T0.toEpochMilli());
        Instant submitted = T0.minus(Duration.ofHours(2));
        ReferralSummary summary = new ReferralSummary("3f1c9a52-7d4e-4b8a-9e21-5c6d7e8f9a01", List.of(Region.LUMBAR, Region.CERVICAL),
                d, Tier.MODERATE, 60, key, Timestamps.of(submitted), null, List.of("U_FEVER"), false);
        return Referral.create(summary, submitted, submitted.plus(Duration.ofDays(14)), T0);
    }

    static ReferralRecord claimedBy(String who, Disposition d) {
        return ((Referral.Change) Referral.claim(referral(d), who, T0, LEASE)).after();
    }

    static Referral.Decision decision(Outcome outcome) {
        return new Referral.Decision(outcome, null, null, null);
    }

    @Test
    void aReferralIsCreatedNewOpenAndDueByItsInterval() {
        ReferralRecord r = referral(Disposition.CONSULT);
        assertThat(r.status()).isEqualTo(ReferralStatus.NEW);
        assertThat(r.open()).isTrue();
        assertThat(r.version()).isEqualTo(1L);
        assertThat(r.dueAt()).isEqualTo(Timestamps.of(T0.minus(Duration.ofHours(2)).plus(Duration.ofDays(14))));
        assertThat(r.band()).contains(Band.CONSULT);
        assertThat(r.redFlags()).containsExactly("U_FEVER");
        assertThat(r.lastEntry()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CREATED);
            assertThat(e.actor()).isEqualTo(AuditEntry.SYSTEM);
            assertThat(e.disposition()).isEqualTo(Disposition.CONSULT);
        });
    }

    @Test
    void aClaimTakesTheLeaseAndAnotherCoordinatorIsRefusedUntilItEnds() {
        Referral.Change claimed = (Referral.Change) Referral.claim(referral(Disposition.CONSULT), "alice", T0, LEASE);
        assertThat(claimed.after().status()).isEqualTo(ReferralStatus.IN_REVIEW);
        assertThat(claimed.after().assignee()).isEqualTo("alice");
        assertThat(claimed.after().leaseUntil()).isEqualTo(Timestamps.of(T0.plus(LEASE)));
        assertThat(claimed.after().version()).isEqualTo(2L);
        assertThat(claimed.entry().action()).isEqualTo(AuditAction.CLAIMED);
        assertThat(claimed.before().version()).as("the write is conditioned on this").isEqualTo(1L);

        ReferralRecord held = claimed.after();
        assertThat(Referral.claim(held, "bob", T0.plus(Duration.ofMinutes(29)), LEASE))
                .isEqualTo(new Referral.ClaimedByAnother("alice", held.leaseUntil()));
        Referral.Change taken = (Referral.Change) Referral.claim(held, "bob", T0.plus(LEASE), LEASE);
        assertThat(taken.after().assignee()).as("an expired lease can be taken").isEqualTo("bob");
        Referral.Change extended = (Referral.Change) Referral.claim(held, "alice", T0.plus(Duration.ofMinutes(10)), LEASE);
        assertThat(extended.after().leaseUntil()).isEqualTo(Timestamps.of(T0.plus(Duration.ofMinutes(40))));
    }

    @Test
    void onlyTheHolderReleasesWhileTheLeaseIsLive() {
        ReferralRecord held = claimedBy("alice", Disposition.CONSULT);
        Referral.Change released = (Referral.Change) Referral.release(held, "alice", T0.plusSeconds(60));
        assertThat(released.after().status()).isEqualTo(ReferralStatus.NEW);
        assertThat(released.after().assignee()).isNull();
        assertThat(released.after().leaseUntil()).isNull();
        assertThat(released.after().version()).isEqualTo(3L);

        assertThat(Referral.release(held, "bob", T0)).isEqualTo(new Referral.ClaimNotHeld("alice", held.leaseUntil(), false));
        assertThat(Referral.release(held, "alice", T0.plus(LEASE)))
                .isEqualTo(new Referral.ClaimNotHeld(null, held.leaseUntil(), true));
        assertThat(Referral.release(referral(Disposition.CONSULT), "alice", T0))
                .isEqualTo(new Referral.ClaimNotHeld(null, null, false));
    }

    @Test
    void aDecisionIsCheckedVersionFirstThenClosedThenClaim() {
        ReferralRecord held = claimedBy("alice", Disposition.CONSULT);
        assertThat(Referral.decide(held, "bob", T0, 1, decision(Outcome.SCHEDULE_CONSULT)))
                .isEqualTo(new Referral.VersionMismatch(2));
        assertThat(Referral.decide(held, "bob", T0, 2, decision(Outcome.SCHEDULE_CONSULT)))
                .isInstanceOf(Referral.ClaimNotHeld.class);
        ReferralRecord closed = ((Referral.Change) Referral.decide(held, "alice", T0, 2,
                decision(Outcome.SCHEDULE_CONSULT))).after();
        assertThat(Referral.decide(closed, "alice", T0, 3, decision(Outcome.DECLINED))).isEqualTo(new Referral.Closed());
        assertThat(Referral.claim(closed, "alice", T0, LEASE)).isEqualTo(new Referral.Closed());
    }

    @Test
    void aClosingDecisionTakesTheReferralOffTheWorklistAndIsAudited() {
        ReferralRecord held = claimedBy("alice", Disposition.CONSULT);
        Referral.Change c = (Referral.Change) Referral.decide(held, "alice", T0.plusSeconds(5), 2,
                new Referral.Decision(Outcome.SCHEDULE_CONSULT, "booked", null, null));
        assertThat(c.after().status()).isEqualTo(ReferralStatus.DECIDED);
        assertThat(c.after().open()).isFalse();
        assertThat(c.after().worklist()).isNull();
        assertThat(c.after().assignee()).isNull();
        assertThat(c.after().decidedBy()).isEqualTo("alice");
        assertThat(c.after().version()).isEqualTo(3L);
        assertThat(c.entry()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.DECIDED);
            assertThat(e.outcome()).isEqualTo(Outcome.SCHEDULE_CONSULT);
            assertThat(e.note()).isEqualTo("booked");
            assertThat(e.version()).isEqualTo(3L);
            assertThat(e.overriddenDisposition()).isNull();
        });
    }

    @Test
    void anOutcomeAgainstTheDispositionNeedsAnOverrideThatAllowsIt() {
        ReferralRecord emergency = claimedBy("alice", Disposition.EMERGENCY);
        assertThat(Referral.decide(emergency, "alice", T0, 2, decision(Outcome.SCHEDULE_CONSULT)))
                .isEqualTo(new Referral.OutcomeNotAllowed(Outcome.SCHEDULE_CONSULT, Disposition.EMERGENCY, false,
                        List.of(Outcome.NEEDS_MORE_INFORMATION, Outcome.REFERRED_TO_EMERGENCY_CARE, Outcome.DECLINED)));
        assertThat(Referral.decide(emergency, "alice", T0, 2, decision(Outcome.ESCALATE_TO_URGENT)))
                .isEqualTo(new Referral.EscalationNotApplicable());
        Referral.Result mismatched = Referral.decide(emergency, "alice", T0, 2,
                new Referral.Decision(Outcome.SCHEDULE_CONSULT, null, Disposition.OTHER_PATHWAY, "why"));
        assertThat(mismatched).isInstanceOf(Referral.OutcomeNotAllowed.class);

        Referral.Change overridden = (Referral.Change) Referral.decide(emergency, "alice", T0, 2,
                new Referral.Decision(Outcome.SCHEDULE_CONSULT, null, Disposition.CONSULT, "Not an emergency after a call."));
        assertThat(overridden.after().disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(overridden.after().originalDisposition()).isEqualTo(Disposition.EMERGENCY);
        assertThat(overridden.after().reason()).isEqualTo("Not an emergency after a call.");
        assertThat(overridden.entry().overriddenDisposition()).isEqualTo(Disposition.EMERGENCY);
        assertThat(overridden.entry().reason()).isEqualTo("Not an emergency after a call.");
    }

    @Test
    void closingAnEmergencyOrUrgentReferralOrOverridingNeedsAReasonWhichTheAuditKeeps() {
        for (Disposition serious : List.of(Disposition.EMERGENCY, Disposition.URGENT_REVIEW)) {
            ReferralRecord held = claimedBy("alice", serious);
            for (Outcome closing : List.of(Outcome.REFERRED_TO_EMERGENCY_CARE, Outcome.DECLINED)) {
                assertThat(Referral.decide(held, "alice", T0, 2, decision(closing))).as(serious + " " + closing)
                        .isEqualTo(new Referral.ReasonRequired(false, serious));
                assertThat(Referral.decide(held, "alice", T0, 2, new Referral.Decision(closing, "n", null, "   ")))
                        .as("a blank reason is none").isEqualTo(new Referral.ReasonRequired(false, serious));
            }
            assertThat(Referral.decide(held, "alice", T0, 2, decision(Outcome.NEEDS_MORE_INFORMATION)))
                    .as("an outcome that keeps it open needs none").isInstanceOf(Referral.Change.class);
            Referral.Change closed = (Referral.Change) Referral.decide(held, "alice", T0, 2,
                    new Referral.Decision(Outcome.REFERRED_TO_EMERGENCY_CARE, null, null, "Sent to the ED by phone."));
            assertThat(closed.after().reason()).isEqualTo("Sent to the ED by phone.");
            assertThat(closed.entry().reason()).isEqualTo("Sent to the ED by phone.");
        }
        ReferralRecord consult = claimedBy("alice", Disposition.CONSULT);
        assertThat(Referral.decide(consult, "alice", T0, 2, decision(Outcome.DECLINED)))
                .as("closing a routine referral needs no reason").isInstanceOf(Referral.Change.class);
        assertThat(Referral.decide(consult, "alice", T0, 2,
                new Referral.Decision(Outcome.OTHER_PATHWAY, null, Disposition.OTHER_PATHWAY, null)))
                .isEqualTo(new Referral.ReasonRequired(true, null));
    }

    @Test
    void openOutcomesKeepItOnTheWorklistInTheRightBand() {
        ReferralRecord held = claimedBy("alice", Disposition.CONSULT);
        Referral.Change escalated = (Referral.Change) Referral.decide(held, "alice", T0, 2, decision(Outcome.ESCALATE_TO_URGENT));
        assertThat(escalated.after().status()).isEqualTo(ReferralStatus.NEW);
        assertThat(escalated.after().disposition()).isEqualTo(Disposition.URGENT_REVIEW);
        assertThat(escalated.after().band()).contains(Band.URGENT_REVIEW);
        assertThat(escalated.after().priorityKey().substring(1)).isEqualTo(held.priorityKey().substring(1));
        assertThat(escalated.after().open()).isTrue();

        Referral.Change waiting = (Referral.Change) Referral.decide(held, "alice", T0, 2,
                new Referral.Decision(Outcome.NEEDS_MORE_INFORMATION, null, Disposition.EMERGENCY, "Worse today."));
        assertThat(waiting.after().status()).isEqualTo(ReferralStatus.WAITING_FOR_PATIENT);
        assertThat(waiting.after().band()).as("re-banded by the override").contains(Band.EMERGENCY);
        assertThat(waiting.after().assignee()).isNull();

        // a second override keeps the first original disposition
        ReferralRecord again = ((Referral.Change) Referral.claim(waiting.after(), "bob", T0, LEASE)).after();
        Referral.Change second = (Referral.Change) Referral.decide(again, "bob", T0, again.version(),
                new Referral.Decision(Outcome.REFERRED_TO_EMERGENCY_CARE, null, Disposition.URGENT_REVIEW, "Seen."));
        assertThat(second.after().originalDisposition()).isEqualTo(Disposition.CONSULT);
        assertThat(second.after().open()).isFalse();
    }

    @Test
    void aViewIsAnAuditEntryAndNothingElse() {
        AuditEntry viewed = Referral.view("alice", T0);
        assertThat(viewed.action()).isEqualTo(AuditAction.VIEWED);
        assertThat(viewed.actor()).isEqualTo("alice");
        assertThat(viewed.status()).isNull();
        assertThat(viewed.version()).isNull();
    }

    @Test
    void everyOutcomeIsAllowedForSomeDispositionAndTheBandsFollowTheEngineOrder() {
        for (Outcome o : Outcome.values()) {
            assertThat(java.util.Arrays.stream(Disposition.values()).anyMatch(o::allowedFor)).as(o.name()).isTrue();
        }
        assertThat(Band.IN_ORDER).extracting(Band::prefix).containsExactly('0', '1', '2', '8', '9');
        assertThat(Band.IN_ORDER).containsExactly(Band.EMERGENCY, Band.URGENT_REVIEW, Band.CONSULT, Band.GENERAL_CONSULT,
                Band.RECONTACT);
        for (Band b : Band.IN_ORDER) {
            assertThat(Band.of(b.disposition())).isEqualTo(b);
            assertThat(Band.ofKey(b.rekey("9-9-000-0000000000000"))).contains(b);
        }
        assertThat(Band.IN_ORDER).extracting(Band::disposition).as("every disposition has a list")
                .containsExactlyInAnyOrder(Disposition.values());
    }
}
