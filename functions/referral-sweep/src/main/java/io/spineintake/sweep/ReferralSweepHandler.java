package io.spineintake.sweep;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.ClinicMetrics;
import io.spineintake.platform.Config;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Log;
import io.spineintake.platform.Priming;
import io.spineintake.platform.referrals.NoticeSender;
import io.spineintake.platform.referrals.ReferralRepository;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ReferralSweepFunction: run every minute (EventBridge). Takes the scheduled event as a map: it
 * reads nothing from it, and the events library's class would need joda-time in the jar.
 */
public final class ReferralSweepHandler implements RequestHandler<Map<String, Object>, SweepReport> {
    private static final Logger LOG = LoggerFactory.getLogger(ReferralSweepHandler.class);
    /** Stop starting new work this long before the function's timeout. */
    static final long SAFETY_MARGIN_MS = 10_000;

    private final ReferralSweep sweep;

    /** The SnapStart priming hook, held here because CRaC holds it weakly (Lambda's constructor only). */
    @SuppressWarnings("unused")
    private Object priming;

    /**
     * Lambda's constructor: configuration and clients are built once per execution environment, and SnapStart
     * priming is registered ({@link ReferralSweepPriming}).
     */
    public ReferralSweepHandler() {
        this(Environment.forLambda());
        priming = Priming.register(() -> ReferralSweepPriming.prime(this));
    }

    /** The local runner's and the tests': their own configuration, clients and clock. */
    public ReferralSweepHandler(Environment env) {
        this(sweep(env.config().require(Config.Var.REFERRALS_TABLE, Config.Var.AUDIT_TABLE, Config.Var.ALERT_TOPIC_ARN,
                Config.Var.ESCALATION_TOPIC_ARN, Config.Var.CONSOLE_URL, Config.Var.ESCALATE_EMERGENCY_AFTER,
                Config.Var.ESCALATE_URGENT_REVIEW_AFTER, Config.Var.POWERTOOLS_METRICS_NAMESPACE), env.clients(), env.clock()));
    }

    public ReferralSweepHandler(ReferralSweep sweep) {
        this.sweep = sweep;
    }

    private static ReferralSweep sweep(Config config, AwsClients clients, Clock clock) {
        ReferralRepository referrals = new ReferralRepository(clients, config.referralsTable(), config.auditTable());
        ClinicMetrics metrics = new ClinicMetrics(config);
        NoticeSender notices = NoticeSender.of(config, clients, referrals, metrics, clock);
        return new ReferralSweep(referrals, notices, config.escalationTimes(), metrics, clock);
    }

    @Override
    public SweepReport handleRequest(Map<String, Object> event, Context context) {
        try {
            Log.withRequest(context);
            SweepReport report = sweep.sweep(() -> context == null || context.getRemainingTimeInMillis() > SAFETY_MARGIN_MS);
            LOG.info("sweep: {} open, {} overdue, {} unclaimed past escalation, {} alerts and {} escalations sent, stopped early: {}",
                    report.open(), report.overdue(), report.unclaimedPastEscalation(), report.alertsSent(),
                    report.escalationsSent(), report.stoppedEarly());
            return report;
        } finally {
            Log.clear();
        }
    }
}
