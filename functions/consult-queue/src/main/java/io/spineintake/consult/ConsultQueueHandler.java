package io.spineintake.consult;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.ClinicMetrics;
import io.spineintake.platform.Config;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Log;
import io.spineintake.platform.Priming;
import io.spineintake.platform.consult.ReferralSummary;
import io.spineintake.platform.referrals.NoticeSender;
import io.spineintake.platform.referrals.ReferralRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consult queue's consumer (SQS event source with ReportBatchItemFailures). Every message of
 * the batch is tried; only the ones that failed are reported, so SQS redelivers those alone and a
 * poison message reaches the dead-letter queue after its receives without holding up the rest.
 */
public final class ConsultQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ConsultQueueHandler.class);

    private final ReferralCreation referrals;

    /** The SnapStart priming hook, held here because CRaC holds it weakly (Lambda's constructor only). */
    @SuppressWarnings("unused")
    private Object priming;

    /**
     * Lambda's constructor: configuration and clients are built once per execution environment, and SnapStart
     * priming is registered ({@link ConsultQueuePriming}).
     */
    public ConsultQueueHandler() {
        this(Environment.forLambda());
        priming = Priming.register(() -> ConsultQueuePriming.prime(this));
    }

    /** The local runner's: its own configuration, clients and clock (Lambda's is the system clock). */
    public ConsultQueueHandler(Environment env) {
        this(creation(env.config().require(Config.Var.REFERRALS_TABLE, Config.Var.AUDIT_TABLE,
                Config.Var.REFERRAL_DUE_EMERGENCY, Config.Var.REFERRAL_DUE_URGENT_REVIEW, Config.Var.REFERRAL_DUE_CONSULT,
                Config.Var.REFERRAL_DUE_OTHER_PATHWAY, Config.Var.ALERT_TOPIC_ARN, Config.Var.ESCALATION_TOPIC_ARN,
                Config.Var.CONSOLE_URL, Config.Var.POWERTOOLS_METRICS_NAMESPACE), env.clients(), env.clock()));
    }

    private static ReferralCreation creation(Config config, AwsClients clients, Clock clock) {
        ReferralRepository referrals = new ReferralRepository(clients, config.referralsTable(), config.auditTable());
        ClinicMetrics metrics = new ClinicMetrics(config);
        NoticeSender notices = NoticeSender.of(config, clients, referrals, metrics, clock);
        return new ReferralCreation(referrals, notices, config, metrics, clock);
    }

    public ConsultQueueHandler(ReferralCreation referrals) {
        this.referrals = referrals;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try {
            Log.withRequest(context);
            List<SQSEvent.SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
            int created = 0;
            for (SQSEvent.SQSMessage message : messages) {
                try {
                    if (referrals.create(message.getBody())) {
                        created++;
                    }
                } catch (ReferralSummary.MalformedMessageException e) {
                    LOG.warn("message {} is not a referral summary: {}", message.getMessageId(), e.getMessage());
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                } catch (BackendUnavailableException e) {
                    LOG.warn("message {} not stored: referrals table unavailable", message.getMessageId());
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                } catch (RuntimeException e) {
                    LOG.error("message {} failed: {}", message.getMessageId(), e.getClass().getSimpleName());
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            LOG.info("consult batch: {} messages, {} referrals created, {} failed", messages.size(), created, failures.size());
            return new SQSBatchResponse(failures);
        } finally {
            Log.clear();
        }
    }
}
