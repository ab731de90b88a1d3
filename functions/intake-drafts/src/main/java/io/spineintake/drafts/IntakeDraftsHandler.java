package io.spineintake.drafts;

import java.time.Clock;
import java.util.Map;

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
import io.spineintake.platform.http.Headers;
import io.spineintake.platform.http.HttpResponses;
import io.spineintake.platform.http.Problem;
import io.spineintake.platform.http.RequestBodies;
import io.spineintake.platform.http.RequestTargets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /intake-drafts and POST /intake-drafts/resume (public; payload format 2.0). Thin: reads the
 * event, hands the body to {@link IntakeDrafts}, maps the outcome. Logs routes and statuses only:
 * never a code, a date or an answer.
 */
public final class IntakeDraftsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeDraftsHandler.class);

    static final String SAVE = "POST /intake-drafts";
    static final String RESUME = "POST /intake-drafts/resume";

    private final IntakeDrafts drafts;

    /** The SnapStart priming hook, held here because CRaC holds it weakly (Lambda's constructor only). */
    @SuppressWarnings("unused")
    private Object priming;

    /**
     * Lambda's constructor: configuration and clients are built once per execution environment, and SnapStart
     * priming is registered ({@link IntakeDraftsPriming}).
     */
    public IntakeDraftsHandler() {
        this(Environment.forLambda());
        priming = Priming.register(() -> IntakeDraftsPriming.prime(this));
    }

    /** The local runner's: its own configuration and clients. */
    public IntakeDraftsHandler(Environment env) {
        this(env.clients(), env.config().require(Config.Var.DRAFTS_TABLE).draftsTable(), Clock.systemUTC());
    }

    /** Given clients, table and clock (tests move the clock to see a draft expire). */
    public IntakeDraftsHandler(AwsClients clients, String draftsTable, Clock clock) {
        this.drafts = new IntakeDrafts(new DraftRepository(clients, draftsTable), clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            Log.withRequest(context, event);
            String route = event == null ? null : event.getRouteKey();
            APIGatewayV2HTTPResponse response = respond(route, event);
            LOG.info("{} answered {}", SAVE.equals(route) || RESUME.equals(route) ? route : "unknown route",
                    response.getStatusCode());
            return response;
        } finally {
            Log.clear();
        }
    }

    /** A refusal of the body as a whole points at the whole document (""). */
    private static Problem wholeBody(Problem problem) {
        return problem.withErrors(java.util.List.of(new Problem.FieldError("", problem.detail())));
    }

    private APIGatewayV2HTTPResponse respond(String route, APIGatewayV2HTTPEvent event) {
        if (!SAVE.equals(route) && !RESUME.equals(route)) {
            return HttpResponses.problem(Problem.of(404, "Not Found", "This function serves POST /intake-drafts and POST /intake-drafts/resume.")
                    .withType("urn:spine-intake:problem:unknown-route"));
        }
        var badTarget = RequestTargets.malformedEscape(event);
        if (badTarget.isPresent()) {
            return HttpResponses.problem(badTarget.get());
        }
        if (!Headers.isJson(event)) {
            return HttpResponses.problem(wholeBody(Problem.of(415, "Unsupported Media Type",
                    "Send the request as application/json in UTF-8 (no charset, or charset=utf-8).")
                    .withType("urn:spine-intake:problem:unsupported-media-type")));
        }
        byte[] body;
        try {
            body = RequestBodies.read(event);
        } catch (RequestBodies.BodyException e) {
            Problem p = e.toProblem();
            return HttpResponses.problem(p.status() == 400 ? p.withType(IntakeDrafts.MALFORMED_BODY) : wholeBody(p));
        }
        try {
            DraftOutcome outcome = SAVE.equals(route) ? drafts.save(body) : drafts.resume(body);
            if (outcome instanceof DraftOutcome.Saved saved) {
                return HttpResponses.json(201, Map.of("resumeCode", saved.resumeCode(), "expiresAt", saved.expiresAt().toString()));
            }
            if (outcome instanceof DraftOutcome.Resumed resumed) {
                return HttpResponses.json(200, Map.of("form", resumed.form(), "expiresAt", resumed.expiresAt().toString()));
            }
            Problem problem = ((DraftOutcome.Refused) outcome).problem();
            LOG.info("draft request refused: {} with {} field error(s)", problem.type(), problem.errors().size());
            return HttpResponses.problem(problem);
        } catch (BackendUnavailableException e) {
            LOG.warn("drafts table unavailable: {}", e.getClass().getSimpleName());
            return HttpResponses.unavailable(Problem.of(503, "Service Unavailable",
                    "Nothing was saved. Please try again in a moment.").withType("urn:spine-intake:problem:backend-unavailable"));
        }
    }
}
