package io.spineintake.consult;

import io.spineintake.platform.Config;
import io.spineintake.platform.consult.ReferralSummary;
import io.spineintake.platform.referrals.Referral;
import io.spineintake.platform.referrals.ReferralRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Makes a NEW referral from a consult-queue message with one conditional write: a message
 * delivered again, or sent again by the reconciler, finds the referral there and changes nothing.
 * The due time is the one decided at submission (what the patient was told); a message sent before
 * that was recorded gets the intake's receipt plus the clinic's interval for its disposition.
 */
public final class ReferralCreation {
    private final ReferralRepository referrals;
    private final Config config;
    private final Clock clock;

    public ReferralCreation(ReferralRepository referrals, Config config, Clock clock) {
        this.referrals = referrals;
        this.config = config;
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
        return referrals.createIfAbsent(Referral.create(s, submitted, due, clock.instant()));
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ReferralSummary.MalformedMessageException(field + " is not an ISO-8601 instant");
        }
    }
}
