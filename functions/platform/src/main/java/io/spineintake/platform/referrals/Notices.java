package io.spineintake.platform.referrals;

import io.spineintake.platform.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which notices a referral is owed, decided without I/O. An EMERGENCY or URGENT_REVIEW referral is
 * owed an alert to the on-call channel once, as soon as it exists; one that nobody has claimed by
 * its band's escalation time (counted from its creation) is owed one escalation to the escalation
 * channel. A notice is sent by claiming it (a short lease, so two senders never both send), then
 * publishing, then recording it as sent; a claim whose sender stopped expires and the sweep sends
 * again.
 */
public final class Notices {
    private Notices() {
    }

    /** The two notices, and the referral attributes that record each. */
    public enum Kind {
        ALERT("alertedAt", "alertClaimUntil"),
        ESCALATION("escalatedAt", "escalationClaimUntil");

        private final String sentAttribute;
        private final String claimAttribute;

        Kind(String sentAttribute, String claimAttribute) {
            this.sentAttribute = sentAttribute;
            this.claimAttribute = claimAttribute;
        }

        public String sentAttribute() {
            return sentAttribute;
        }

        public String claimAttribute() {
            return claimAttribute;
        }
    }

    /** How long after creation an unclaimed emergency or urgent referral escalates (clinic settings). */
    public record EscalationTimes(Duration emergency, Duration urgentReview) {
        public Optional<Duration> of(Band band) {
            return switch (band) {
                case EMERGENCY -> Optional.of(emergency);
                case URGENT_REVIEW -> Optional.of(urgentReview);
                default -> Optional.empty();
            };
        }
    }

    /** Whether a referral of {@code band} is alerted to the on-call channel when it is created. */
    public static boolean alerted(Band band) {
        return band == Band.EMERGENCY || band == Band.URGENT_REVIEW;
    }

    /** How long a sender's claim on a notice lasts before another may send it. */
    public static final Duration CLAIM = Duration.ofMinutes(2);

    /** The notices {@code r} is owed at {@code now} and nobody is sending, alert first. */
    public static List<Kind> owed(ReferralRecord r, Instant now, EscalationTimes escalation) {
        List<Kind> owed = new ArrayList<>();
        Band band = r.band().orElse(null);
        if (!r.open() || band == null || !alerted(band)) {
            return owed;
        }
        String at = Timestamps.of(now);
        if (r.alertedAt() == null && unclaimed(r.alertClaimUntil(), at)) {
            owed.add(Kind.ALERT);
        }
        if (r.escalatedAt() == null && unclaimed(r.escalationClaimUntil(), at) && !r.claimedAt(at)
                && r.status() == ReferralStatus.NEW && r.createdAt() != null
                && !Instant.parse(r.createdAt()).plus(escalation.of(band).get()).isAfter(now)) {
            owed.add(Kind.ESCALATION);
        }
        return owed;
    }

    private static boolean unclaimed(String claimUntil, String now) {
        return claimUntil == null || claimUntil.compareTo(now) <= 0;
    }

    /**
     * What the channel is told: the band, the due time and the referral's link in the console.
     * Never a patient's name, answers or anything from the form.
     */
    public record Message(String subject, String body) {
    }

    public static Message message(Kind kind, ReferralRecord r, String consoleUrl) {
        Band band = r.band().orElseThrow();
        String what = band == Band.EMERGENCY ? "EMERGENCY" : "URGENT REVIEW";
        String link = consoleUrl + "#/referrals/" + r.referralId();
        return switch (kind) {
            case ALERT -> new Message("New " + what + " referral",
                    "A new " + what + " referral is on the worklist, due " + r.dueAt() + ". Open it: " + link);
            case ESCALATION -> new Message("Unclaimed " + what + " referral",
                    "An " + what + " referral created at " + r.createdAt() + " is still unclaimed; it is due "
                            + r.dueAt() + ". Open it: " + link);
        };
    }

    /** The audit entry of a sent notice (not a state change: the version stays). */
    public static AuditEntry entry(Kind kind, Instant at) {
        return AuditEntry.builder().at(Timestamps.of(at)).actor(AuditEntry.SYSTEM)
                .action(kind == Kind.ALERT ? AuditAction.ALERTED : AuditAction.ESCALATED).build();
    }
}
