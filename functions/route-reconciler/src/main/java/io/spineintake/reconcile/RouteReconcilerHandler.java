package io.spineintake.reconcile;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.Config;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Log;
import io.spineintake.platform.Priming;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.platform.intakes.IntakeRepository;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RouteReconcilerFunction: run on a schedule (EventBridge), routes intakes left PENDING. The
 * scheduled event is taken as a plain map and not read: aws-lambda-java-events' ScheduledEvent
 * would need joda-time in the jar for Lambda's runtime to deserialise it.
 */
public final class RouteReconcilerHandler implements RequestHandler<Map<String, Object>, ReconcileReport> {
    private static final Logger LOG = LoggerFactory.getLogger(RouteReconcilerHandler.class);
    /** Stop starting new work this long before the function's timeout. */
    static final long SAFETY_MARGIN_MS = 10_000;

    private final PendingIntakeReconciler reconciler;

    /** The SnapStart priming hook, held here because CRaC holds it weakly (Lambda's constructor only). */
    @SuppressWarnings("unused")
    private Object priming;

    /**
     * Lambda's constructor: configuration and clients are built once per execution environment, and SnapStart
     * priming is registered ({@link RouteReconcilerPriming}).
     */
    public RouteReconcilerHandler() {
        this(Environment.forLambda());
        priming = Priming.register(() -> RouteReconcilerPriming.prime(this));
    }

    /** The local runner's: its own configuration and clients. */
    public RouteReconcilerHandler(Environment env) {
        this(reconciler(env.config().require(Config.Var.INTAKES_TABLE, Config.Var.CONSULT_QUEUE_URL,
                Config.Var.ROUTE_PENDING_MIN_AGE_SECONDS), env.clients()));
    }

    public RouteReconcilerHandler(PendingIntakeReconciler reconciler) {
        this.reconciler = reconciler;
    }

    private static PendingIntakeReconciler reconciler(Config config, AwsClients clients) {
        IntakeRepository intakes = new IntakeRepository(clients, config.intakesTable());
        return new PendingIntakeReconciler(intakes,
                new IntakeRouter(intakes, new ConsultQueuePublisher(clients, config.consultQueueUrl())),
                config.pendingMinAge(), Clock.systemUTC());
    }

    @Override
    public ReconcileReport handleRequest(Map<String, Object> event, Context context) {
        try {
            Log.withRequest(context);
            ReconcileReport report = reconciler.reconcile(
                    () -> context == null || context.getRemainingTimeInMillis() > SAFETY_MARGIN_MS);
            LOG.info("reconciler: {} pending examined, {} routed, stopped early: {}",
                    report.examined(), report.routed(), report.stoppedEarly());
            return report;
        } finally {
            Log.clear();
        }
    }
}
