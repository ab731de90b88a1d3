package io.spineintake.consult;

import io.spineintake.platform.Config;
import io.spineintake.platform.consult.ReferralSummary;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Makes a NEW referral from a consult-queue message with one conditional write: a message
 * delivered again, or sent again by the reconciler, finds the referral there and changes nothing.
 * The due time is the intake's receipt plus the clinic's interval for its disposition.
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
        Instant submitted;
        try {
            submitted = Instant.parse(s.submittedAt());
        } catch (DateTimeParseException e) {
            throw new ReferralSummary.MalformedMessageException("submittedAt is not an ISO-8601 instant");
        }
        String now = IntakeRecord.timestamp(clock.instant());
        return referrals.createIfAbsent(ReferralRecord.builder()
                .referralId(s.intakeId())
                .intakeId(s.intakeId())
                .status(ReferralRecord.STATUS_NEW)
                .disposition(s.disposition())
                .tier(s.tier())
                .score(s.score())
                .regions(String.join(",", s.regions()))
                .priorityKey(s.priorityKey())
                .submittedAt(s.submittedAt())
                .createdAt(now)
                .dueAt(IntakeRecord.timestamp(submitted.plus(config.referralDue(s.disposition()))))
                .worklist(ReferralRecord.OPEN)
                .audit(List.of(AuditEntry.builder().at(now).actor("system").action(AuditEntry.CREATED)
                        .status(ReferralRecord.STATUS_NEW).disposition(s.disposition()).version(1L).build()))
                .build());
    }
}
