package io.spineintake.sweep;

import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.ClinicMetrics;
import io.spineintake.platform.ClinicMetrics.Metric;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.referrals.Band;
import io.spineintake.platform.referrals.NoticeSender;
import io.spineintake.platform.referrals.Notices;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.platform.referrals.ReferralStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute: reads each band's open referrals (the worklist index), sends the notices owed
 * (an alert whose publish failed; an escalation of an EMERGENCY or URGENT_REVIEW referral nobody
 * claimed within the clinic's setting), and writes the overdue counts per band and the unclaimed
 * counts the alarms watch. What is sent is decided by {@link Notices}; each send is claimed by a
 * conditional write, so two sweeps, or a sweep and the consumer, never both send.
 */
public final class ReferralSweep {
    private static final Logger LOG = LoggerFactory.getLogger(ReferralSweep.class);

    private final ReferralRepository referrals;
    private final NoticeSender notices;
    private final Notices.EscalationTimes escalation;
    private final ClinicMetrics metrics;
    private final Clock clock;

    public ReferralSweep(ReferralRepository referrals, NoticeSender notices, Notices.EscalationTimes escalation,
                         ClinicMetrics metrics, Clock clock) {
        this.referrals = referrals;
        this.notices = notices;
        this.escalation = escalation;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One sweep; {@code timeLeft} false stops it before the next referral (the function's timeout is near). */
    public SweepReport sweep(BooleanSupplier timeLeft) {
        Instant now = clock.instant();
        String nowTs = Timestamps.of(now);
        int open = 0;
        int overdueTotal = 0;
        int unclaimedTotal = 0;
        int alerts = 0;
        int escalations = 0;
        boolean stoppedEarly = false;
        for (Band band : Band.IN_ORDER) {
            if (stoppedEarly) {
                break;
            }
            List<ReferralRecord> referralsOfBand;
            try {
                referralsOfBand = referrals.openInBand(band);
            } catch (BackendUnavailableException e) {
                LOG.warn("sweep stopped: referrals table unavailable");
                stoppedEarly = true;
                break;
            }
            int overdue = 0;
            int unclaimed = 0;
            for (ReferralRecord r : referralsOfBand) {
                open++;
                if (r.dueAt() != null && r.dueAt().compareTo(nowTs) <= 0) {
                    overdue++;
                }
                if (!Notices.alerted(band)) {
                    continue;
                }
                if (unclaimedPastEscalation(r, band, now, nowTs)) {
                    unclaimed++;
                }
                if (!timeLeft.getAsBoolean()) {
                    stoppedEarly = true;
                    continue;
                }
                try {
                    for (Notices.Kind kind : Notices.owed(r, now, escalation)) {
                        if (notices.send(r, kind)) {
                            if (kind == Notices.Kind.ALERT) {
                                alerts++;
                            } else {
                                escalations++;
                            }
                        }
                    }
                } catch (BackendUnavailableException e) {
                    LOG.warn("sweep: notices of referral {} left for the next run: table unavailable", r.referralId());
                    stoppedEarly = true;
                }
            }
            overdueTotal += overdue;
            metrics.count(Metric.OVERDUE_REFERRALS, ClinicMetrics.BAND, band, overdue);
            if (Notices.alerted(band)) {
                unclaimedTotal += unclaimed;
                metrics.count(Metric.UNCLAIMED_PAST_ESCALATION, ClinicMetrics.BAND, band, unclaimed);
            }
        }
        if (!stoppedEarly) {
            // a partial total would read as fewer overdue; the per-band counts written stand
            metrics.count(Metric.OVERDUE_REFERRALS_TOTAL, overdueTotal);
        }
        return new SweepReport(open, overdueTotal, unclaimedTotal, alerts, escalations, stoppedEarly);
    }

    /** NEW (nobody holds or held it since creation) past its band's escalation time. */
    private boolean unclaimedPastEscalation(ReferralRecord r, Band band, Instant now, String nowTs) {
        return r.status() == ReferralStatus.NEW && !r.claimedAt(nowTs) && r.createdAt() != null
                && escalation.of(band).map(after -> !Instant.parse(r.createdAt()).plus(after).isAfter(now)).orElse(false);
    }
}
