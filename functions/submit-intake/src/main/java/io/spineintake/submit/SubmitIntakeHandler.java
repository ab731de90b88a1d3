package io.spineintake.submit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.Config;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Log;
import io.spineintake.platform.Priming;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.platform.http.Headers;
import io.spineintake.platform.http.HttpResponses;
import io.spineintake.platform.http.Problem;
import io.spineintake.platform.http.RequestBodies;
import io.spineintake.platform.http.RequestTargets;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.form.FormContract;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /intakes (HTTP API, payload format 2.0). Thin: reads the event, hands the body to
 * {@link IntakeSubmission}, maps the outcome to a response. Logs ids and outcomes, never a value.
 */
public final class SubmitIntakeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(SubmitIntakeHandler.class);

    private final IntakeSubmission submission;

    /** The SnapStart priming hook, held here because CRaC holds it weakly (Lambda's constructor only). */
    @SuppressWarnings("unused")
    private Object priming;

    /**
     * Lambda's constructor: clients, schema and rule set are built once per execution environment, and SnapStart
     * priming is registered ({@link SubmitIntakePriming}).
     */
    public SubmitIntakeHandler() {
        this(Environment.forLambda());
        priming = Priming.register(() -> SubmitIntakePriming.prime(this));
    }

    /** The local runner's: its own configuration, clients and clock (the receipt time and the due date it decides). */
    public SubmitIntakeHandler(Environment env) {
        this(submission(env.config().require(Config.Var.INTAKES_TABLE, Config.Var.CONSULT_QUEUE_URL,
                Config.Var.REFERRAL_DUE_EMERGENCY, Config.Var.REFERRAL_DUE_URGENT_REVIEW, Config.Var.REFERRAL_DUE_CONSULT,
                Config.Var.REFERRAL_DUE_OTHER_PATHWAY, Config.Var.EMERGENCY_NUMBER, Config.Var.CLINIC_TIME_ZONE),
                env.clients(), env.clock()));
    }

    public SubmitIntakeHandler(IntakeSubmission submission) {
        this.submission = submission;
    }

    private static IntakeSubmission submission(Config config, AwsClients clients, Clock clock) {
        IntakeRepository intakes = new IntakeRepository(clients, config.intakesTable());
        return new IntakeSubmission(intakes,
                new IntakeRouter(intakes, new ConsultQueuePublisher(clients, config.consultQueueUrl())),
                FormContract.load(), TriageEngine.fromEnvironment(config.values()), config, clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            Log.withRequest(context, event);
            APIGatewayV2HTTPResponse response = respond(event);
            LOG.info("POST /intakes answered {}", response.getStatusCode());
            return response;
        } finally {
            Log.clear();
        }
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        var badTarget = RequestTargets.malformedEscape(event);
        if (badTarget.isPresent()) {
            return HttpResponses.problem(badTarget.get());
        }
        if (!Headers.isJson(event)) {
            return HttpResponses.problem(Problem.of(415, "Unsupported Media Type",
                    "Send the intake form as application/json in UTF-8 (no charset, or charset=utf-8)."));
        }
        byte[] body;
        try {
            body = RequestBodies.read(event);
        } catch (RequestBodies.BodyException e) {
            Problem p = e.toProblem();
            return HttpResponses.problem(p.status() == 400 ? p.withType(IntakeSubmission.MALFORMED_BODY) : p);
        }
        try {
            SubmissionOutcome outcome = submission.submit(body, Headers.get(event, "idempotency-key"));
            if (outcome instanceof SubmissionOutcome.Stored stored) {
                Log.putIntakeId(stored.intakeId());
                return HttpResponses.jsonText(201, stored.receiptJson(), Map.of(
                        "Location", "/intakes/" + stored.intakeId(),
                        "Idempotent-Replayed", Boolean.toString(stored.replayed())));
            }
            Problem problem = ((SubmissionOutcome.Refused) outcome).problem();
            LOG.info("intake refused: {} with {} field error(s)", problem.type(), problem.errors().size());
            return HttpResponses.problem(problem);
        } catch (BackendUnavailableException e) {
            LOG.warn("intakes table unavailable: {}", e.getClass().getSimpleName());
            return HttpResponses.unavailable(Problem.of(503, "Service Unavailable",
                    "Your form was not saved. Please try again in a moment; resending it with the same"
                            + " Idempotency-Key is safe."));
        }
    }
}
