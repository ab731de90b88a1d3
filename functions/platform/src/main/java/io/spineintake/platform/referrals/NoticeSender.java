package io.spineintake.platform.referrals;

import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.ClinicMetrics;
import io.spineintake.platform.ClinicMetrics.Metric;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notices a referral is owed (an alert when it is created, an escalation when it stays
 * unclaimed), each at most once per claim: claim it (a conditional update), publish, append its
 * audit entry, record it as sent (a conditional update). A publish that fails gives the claim
 * back and is counted; the referral is never held up by it, and the sweep sends it on its next run.
 *
 * <p>SNS publishing and the table cannot be written together, so a sender that stops between the
 * publish and the record sends the notice again once its claim has expired: a channel may, rarely,
 * be told twice; it is never told zero times.
 */
public final class NoticeSender {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeSender.class);

    private final ReferralRepository referrals;
    private final NoticeChannels channels;
    private final String consoleUrl;
    private final ClinicMetrics metrics;
    private final Clock clock;

    public NoticeSender(ReferralRepository referrals, NoticeChannels channels, String consoleUrl, ClinicMetrics metrics,
                        Clock clock) {
        this.referrals = referrals;
        this.channels = channels;
        this.consoleUrl = consoleUrl;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The sender of a function's configuration: its topics and console address. */
    public static NoticeSender of(io.spineintake.platform.Config config, io.spineintake.platform.AwsClients clients,
                                  ReferralRepository referrals, ClinicMetrics metrics, Clock clock) {
        return new NoticeSender(referrals, new NoticeChannels(clients, config.alertTopicArn(), config.escalationTopicArn()),
                config.consoleUrl(), metrics, clock);
    }

    /** Sends every notice {@code r} is owed now. @return how many this call published */
    public int sendOwed(ReferralRecord r, Notices.EscalationTimes escalation) {
        List<Notices.Kind> owed = Notices.owed(r, clock.instant(), escalation);
        int sent = 0;
        for (Notices.Kind kind : owed) {
            if (send(r, kind)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Sends {@code kind} for {@code r} unless it was sent or another sender holds its claim.
     *
     * @return true when this call published it
     * @throws BackendUnavailableException when the referrals or audit table cannot be reached
     */
    public boolean send(ReferralRecord r, Notices.Kind kind) {
        Instant now = clock.instant();
        if (!referrals.claimNotice(r.referralId(), kind, now, now.plus(Notices.CLAIM))) {
            return false;
        }
        try {
            channels.publish(kind, Notices.message(kind, r, consoleUrl));
        } catch (RuntimeException e) {
            metrics.count(Metric.NOTICE_PUBLISH_FAILURES, 1);
            LOG.warn("{} for referral {} not published ({}); the sweep sends it again", kind, r.referralId(),
                    e.getClass().getSimpleName());
            try {
                referrals.releaseNotice(r.referralId(), kind);
            } catch (BackendUnavailableException released) {
                // the claim expires by itself after Notices.CLAIM
            }
            return false;
        }
        metrics.count(Metric.NOTICES_SENT, ClinicMetrics.NOTICE, kind, 1);
        Instant sentAt = clock.instant();
        referrals.appendAudit(r, Notices.entry(kind, sentAt));
        referrals.markNoticeSent(r.referralId(), kind, sentAt);
        LOG.info("{} published for referral {} ({})", kind, r.referralId(), r.band().map(Enum::name).orElse("-"));
        return true;
    }
}
