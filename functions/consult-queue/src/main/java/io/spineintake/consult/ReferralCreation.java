package io.spineintake.consult;

import io.spineintake.platform.ClinicMetrics;
import io.spineintake.platform.ClinicMetrics.Metric;
import io.spineintake.platform.Config;
import io.spineintake.platform.consult.ReferralSummary;
import io.spineintake.platform.referrals.NoticeSender;
import io.spineintake.platform.referrals.Notices;
import io.spineintake.platform.referrals.Referral;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Makes a NEW referral from a consult-queue message with one conditional write: a message
 * delivered again, or sent again by the reconciler, finds the referral there and changes nothing.
 * The due time is the one decided at submission (what the patient was told); a message sent before
 * that was recorded gets the intake's receipt plus the clinic's interval for its disposition.
 * An EMERGENCY or URGENT_REVIEW referral is then alerted to the on-call channel, also when the
 * message comes again (a publish that failed before is tried again; one that was sent is not).
 */
public final class ReferralCreation {
    private final ReferralRepository referrals;
    private final Config config;
    private final NoticeSender notices;
    private final ClinicMetrics metrics;
    private final Clock clock;

    public ReferralCreation(ReferralRepository referrals, NoticeSender notices, Config config, ClinicMetrics metrics,
                            Clock clock) {
        this.referrals = referrals;
        this.notices = notices;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @return true when this call created the referral, false when it existed already
     * @throws ReferralSummary.MalformedMessageException when the message can never become a referral
     * @throws io.spineintake.platform.BackendUnavailableException when the table cannot be reached
     */
    public boolean create(String messageBody) {
        ReferralSummary s = ReferralSummary.fromJson(messageBody);
        Instant submitted = instant(s.submittedAt(), "submittedAt");
        Instant due = s.dueAt() != null ? instant(s.dueAt(), "dueAt") : submitted.plus(config.referralDue(s.disposition()));
        ReferralRecord referral = Referral.create(s, submitted, due, clock.instant());
        boolean created = referrals.createIfAbsent(referral);
        referral.band().ifPresent(band -> {
            if (created) {
                metrics.count(Metric.REFERRALS_CREATED, ClinicMetrics.BAND, band, 1);
            }
            if (Notices.alerted(band)) {
                notices.send(referral, Notices.Kind.ALERT);
            }
        });
        return created;
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ReferralSummary.MalformedMessageException(field + " is not an ISO-8601 instant");
        }
    }
}
