package io.spineintake.platform.referrals;

import io.spineintake.platform.Timestamps;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.platform.consult.ReferralSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a referral's state may become, decided without I/O: each command takes the current state,
 * the coordinator and the time, and returns the new state with its audit entry ({@link Change}),
 * or a {@link Refusal} saying why not. {@link ReferralRepository#apply} turns a change into one
 * conditional write on the version it was decided from (the entry rides along as the referral's
 * {@code lastEntry}), so a change decided on a state that has moved on is never written.
 */
public final class Referral {
    private Referral() {
    }

    /** What a command comes to: a change to write, or a refusal (nothing is written). */
    public sealed interface Result permits Change, Refusal {
    }

    /** The state before and after, and the audit entry the write appends. */
    public record Change(ReferralRecord before, ReferralRecord after, AuditEntry entry) implements Result {
    }

    public sealed interface Refusal extends Result {
    }

    /** Decided: off the worklist. */
    public record Closed() implements Refusal { }

    public record ClaimedByAnother(String assignee, String leaseUntil) implements Refusal { }

    /** No live claim of the coordinator's: nobody's, someone else's (assignee), or their own that expired. */
    public record ClaimNotHeld(String assignee, String leaseUntil, boolean expired) implements Refusal { }

    /** Decided on another version than the current one. */
    public record VersionMismatch(long current) implements Refusal { }

    /** ESCALATE_TO_URGENT on a referral already in the emergency band. */
    public record EscalationNotApplicable() implements Refusal { }

    /** The outcome decides against the disposition (as overridden, if it is) without an override that allows it. */
    public record OutcomeNotAllowed(Outcome outcome, Disposition disposition, boolean overridden, List<Outcome> allowed)
            implements Refusal { }

    /**
     * The decision needs a reason and has none: it overrides the disposition, or it closes an
     * EMERGENCY or URGENT_REVIEW referral (spec section 6). {@code closing} is the disposition closed.
     */
    public record ReasonRequired(boolean override, Disposition closing) implements Refusal { }

    /**
     * A coordinator's decision: the outcome, a note, an override of the disposition, and the reason
     * (required with an override and to close an emergency or urgent referral; kept in the audit trail).
     */
    public record Decision(Outcome outcome, String note, Disposition overrideDisposition, String reason) {
        public Decision {
            Objects.requireNonNull(outcome, "outcome");
            reason = reason == null || reason.isBlank() ? null : reason;
        }
    }

    // ---- creation ------------------------------------------------------------------------------

    /** A NEW referral on its disposition's list from a routed intake's summary, due at {@code due}. */
    public static ReferralRecord create(ReferralSummary s, Instant submitted, Instant due, Instant now) {
        String at = Timestamps.of(now);
        Disposition disposition = s.disposition();
        return ReferralRecord.builder()
                .referralId(s.intakeId()).intakeId(s.intakeId()).status(ReferralStatus.NEW).disposition(disposition)
                .tier(s.tier()).score(s.score()).regions(s.regions()).priorityKey(s.priorityKey())
                .redFlags(s.redFlags()).repeatRfaCandidate(s.repeatRfaCandidate())
                .submittedAt(Timestamps.of(submitted)).createdAt(at)
                .dueAt(Timestamps.of(due)).version(1L).worklist(ReferralRecord.OPEN)
                .lastEntry(AuditEntry.builder().at(at).actor(AuditEntry.SYSTEM).action(AuditAction.CREATED)
                        .status(ReferralStatus.NEW).disposition(disposition).version(1L).build())
                .build();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Reading is recorded; it changes nothing else (not even the version). */
    public static AuditEntry view(String coordinator, Instant now) {
        return AuditEntry.builder().at(Timestamps.of(now)).actor(coordinator).action(AuditAction.VIEWED).build();
    }

    /** Takes the lease, or extends it for its holder. */
    public static Result claim(ReferralRecord r, String coordinator, Instant now, Duration lease) {
        String at = Timestamps.of(now);
        if (!r.open()) {
            return new Closed();
        }
        if (r.claimedAt(at) && !coordinator.equals(r.assignee())) {
            return new ClaimedByAnother(r.assignee(), r.leaseUntil());
        }
        String until = Timestamps.of(now.plus(lease));
        AuditEntry entry = AuditEntry.builder().at(at).actor(coordinator).action(AuditAction.CLAIMED)
                .status(ReferralStatus.IN_REVIEW).assignee(coordinator).leaseUntil(until).version(r.version() + 1).build();
        return change(r, r.toBuilder().status(ReferralStatus.IN_REVIEW).assignee(coordinator).leaseUntil(until), entry);
    }

    /** Gives the referral back (status NEW); only its holder, while the lease is live. */
    public static Result release(ReferralRecord r, String coordinator, Instant now) {
        String at = Timestamps.of(now);
        if (!r.open()) {
            return new Closed();
        }
        if (!holds(r, coordinator, at)) {
            return claimNotHeld(r, coordinator, at);
        }
        AuditEntry entry = AuditEntry.builder().at(at).actor(coordinator).action(AuditAction.RELEASED)
                .status(ReferralStatus.NEW).version(r.version() + 1).build();
        return change(r, r.toBuilder().status(ReferralStatus.NEW).assignee(null).leaseUntil(null), entry);
    }

    /**
     * Records a decision made on {@code expectedVersion} by the coordinator holding a live claim. An
     * outcome that closes takes the referral off the worklist; NEEDS_MORE_INFORMATION leaves it
     * open and unclaimed; ESCALATE_TO_URGENT moves it to the urgent band. An override replaces the
     * disposition (the first one is kept as originalDisposition) and, while the referral stays open,
     * moves it to that disposition's band.
     */
    public static Result decide(ReferralRecord r, String coordinator, Instant now, long expectedVersion, Decision d) {
        String at = Timestamps.of(now);
        if (r.version() != expectedVersion) {
            return new VersionMismatch(r.version());
        }
        if (!r.open()) {
            return new Closed();
        }
        if (!holds(r, coordinator, at)) {
            return claimNotHeld(r, coordinator, at);
        }
        if (d.outcome() == Outcome.ESCALATE_TO_URGENT
                && (r.band().orElse(null) == Band.EMERGENCY || r.disposition() == Disposition.EMERGENCY)) {
            return new EscalationNotApplicable();
        }
        boolean overridden = d.overrideDisposition() != null;
        Disposition judged = overridden ? d.overrideDisposition() : r.disposition();
        if (!d.outcome().allowedFor(judged)) {
            return new OutcomeNotAllowed(d.outcome(), judged, overridden, Outcome.outcomesFor(judged));
        }
        boolean closesSerious = d.outcome().closes()
                && (r.disposition() == Disposition.EMERGENCY || r.disposition() == Disposition.URGENT_REVIEW);
        if (d.reason() == null && (overridden || closesSerious)) {
            return new ReasonRequired(overridden, closesSerious ? r.disposition() : null);
        }

        ReferralRecord.Builder next = r.toBuilder().outcome(d.outcome()).note(d.note()).decidedBy(coordinator)
                .decidedAt(at).assignee(null).leaseUntil(null);
        Disposition disposition = r.disposition();
        ReferralStatus status;
        if (d.outcome().closes()) {
            status = ReferralStatus.DECIDED;
            next.worklist(null);
        } else if (d.outcome() == Outcome.NEEDS_MORE_INFORMATION) {
            status = ReferralStatus.WAITING_FOR_PATIENT;
        } else { // ESCALATE_TO_URGENT: back to the worklist, unclaimed, in the urgent band
            status = ReferralStatus.NEW;
            disposition = Disposition.URGENT_REVIEW;
            next.priorityKey(rekey(r.priorityKey(), Band.URGENT_REVIEW));
        }
        if (overridden) {
            disposition = d.overrideDisposition();
            next.originalDisposition(r.originalDisposition() != null ? r.originalDisposition() : r.disposition());
            Band band = Band.of(disposition);
            if (!d.outcome().closes() && r.band().orElse(null) != band) {
                next.priorityKey(rekey(r.priorityKey(), band));
            }
        }
        AuditEntry entry = AuditEntry.builder().at(at).actor(coordinator).action(AuditAction.DECIDED)
                .status(status).outcome(d.outcome()).disposition(disposition)
                .overriddenDisposition(disposition == r.disposition() ? null : r.disposition())
                .reason(d.reason()).note(d.note()).version(r.version() + 1).build();
        return change(r, next.status(status).disposition(disposition).reason(d.reason()), entry);
    }

    /** The next version, carrying its own audit entry as the last one. */
    private static Change change(ReferralRecord before, ReferralRecord.Builder after, AuditEntry entry) {
        return new Change(before, after.version(before.version() + 1).lastEntry(entry).build(), entry);
    }

    private static boolean holds(ReferralRecord r, String coordinator, String at) {
        return r.claimedAt(at) && coordinator.equals(r.assignee());
    }

    private static ClaimNotHeld claimNotHeld(ReferralRecord r, String coordinator, String at) {
        boolean expired = coordinator.equals(r.assignee()) && r.leaseUntil() != null && !r.claimedAt(at);
        return new ClaimNotHeld(r.claimedAt(at) ? r.assignee() : null, r.leaseUntil(), expired);
    }

    private static String rekey(String priorityKey, Band band) {
        return priorityKey == null || priorityKey.isEmpty() ? String.valueOf(band.prefix()) : band.rekey(priorityKey);
    }
}
