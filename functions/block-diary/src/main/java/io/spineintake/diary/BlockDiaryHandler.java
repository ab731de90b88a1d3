package io.spineintake.diary;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.Config;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Log;
import io.spineintake.platform.blocks.BlockRepository;
import io.spineintake.platform.blocks.DiaryLinks;
import io.spineintake.platform.http.Headers;
import io.spineintake.platform.http.HttpResponses;
import io.spineintake.platform.http.Problem;
import io.spineintake.platform.http.RequestBodies;
import io.spineintake.platform.http.RequestTargets;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.triage.rules.BlockRuleFile;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /diary and POST /diary/entries (public routes, payload format 2.0): the patient's diary
 * after a block, opened by the capability in {@code Authorization: Diary <token>} and by nothing
 * else. Thin: opens the diary, hands the body to {@link DiaryService}, maps the outcome. Logs the
 * route and the status only: never the Authorization header, an NRS or a movement.
 */
public final class BlockDiaryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(BlockDiaryHandler.class);

    static final String DIARY = "GET /diary";
    static final String ENTRIES = "POST /diary/entries";
    static final List<String> ROUTES = List.of(DIARY, ENTRIES);
    /** Any 1 to 255 visible ASCII characters, as for POST /intakes. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final DiaryService diary;
    private final Clock clock;

    /** The SnapStart priming hook, held here because CRaC holds it weakly (Lambda's constructor only). */
    @SuppressWarnings("unused")
    private Object priming;

    /**
     * Lambda's constructor: configuration and clients are built once per execution environment, and SnapStart
     * priming is registered ({@link BlockDiaryPriming}).
     */
    public BlockDiaryHandler() {
        this(Environment.forLambda());
        priming = io.spineintake.platform.Priming.register(() -> BlockDiaryPriming.prime(this));
    }

    /** The local runner's and the tests': its configuration, clients and clock. */
    public BlockDiaryHandler(Environment env) {
        Config config = env.config().require(Config.Var.BLOCKS_TABLE, Config.Var.REFERRALS_TABLE, Config.Var.AUDIT_TABLE,
                Config.Var.INTAKES_TABLE);
        this.clock = env.clock();
        this.diary = new DiaryService(new BlockRepository(env.clients(), config.blocksTable()),
                new ReferralRepository(env.clients(), config.referralsTable(), config.auditTable()),
                new IntakeRepository(env.clients(), config.intakesTable()),
                BlockRuleFile.fromEnvironment(config.values()), clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String route = event != null && ROUTES.contains(event.getRouteKey()) ? event.getRouteKey() : "unknown route";
        try {
            Log.withRequest(context, event);
            APIGatewayV2HTTPResponse response = respond(route, event);
            LOG.info("{} answered {}", route, response.getStatusCode());
            return response;
        } finally {
            Log.clear();
        }
    }

    private APIGatewayV2HTTPResponse respond(String route, APIGatewayV2HTTPEvent event) {
        if (!ROUTES.contains(route)) {
            return HttpResponses.problem(Problem.of(404, "Not Found", "This function serves GET /diary and POST /diary/entries.")
                    .withType("urn:spine-intake:problem:unknown-route"));
        }
        var badTarget = RequestTargets.malformedEscape(event);
        if (badTarget.isPresent()) {
            return HttpResponses.problem(badTarget.get());
        }
        try {
            java.time.Instant now = clock.instant();
            DiaryService.Opening opening = diary.open(DiaryLinks.fromHeader(Headers.get(event, "authorization").orElse(null)), now);
            if (opening.refusal() != null) {
                LOG.info("diary link refused: {}", opening.refusal().type());
                return HttpResponses.problem(opening.refusal(), opening.refusal().status() == 401
                        ? Map.of("WWW-Authenticate", DiaryLinks.SCHEME) : Map.of());
            }
            if (DIARY.equals(route)) {
                return HttpResponses.json(200, diary.diary(opening.access(), now));
            }
            String key = Headers.get(event, "idempotency-key").orElse(null);
            if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
                return HttpResponses.problem(Problem.of(400, "Idempotency-Key required",
                        "Send each entry with its own Idempotency-Key header: 1 to 255 visible ASCII characters, e.g. a UUID.")
                        .withType("urn:spine-intake:problem:invalid-idempotency-key")
                        .withErrors(List.of(new Problem.FieldError("/headers/idempotency-key", "1 to 255 visible ASCII characters."))));
            }
            if (!Headers.isJson(event)) {
                return HttpResponses.problem(Problem.of(415, "Unsupported Media Type",
                        "Send the entry as application/json in UTF-8 (no charset, or charset=utf-8).")
                        .withType("urn:spine-intake:problem:unsupported-media-type")
                        .withErrors(List.of(new Problem.FieldError("", "Send the entry as application/json."))));
            }
            byte[] body;
            try {
                body = RequestBodies.read(event, EntryRequest.MAX_BODY_BYTES);
            } catch (RequestBodies.BodyException e) {
                Problem p = e.toProblem();
                return HttpResponses.problem(p.status() == 400 ? p.withType(DiaryService.MALFORMED_BODY) : p);
            }
            DiaryOutcome outcome = diary.record(opening.access(), key, body, now);
            if (outcome instanceof DiaryOutcome.Answered a) {
                return HttpResponses.json(a.status(), a.body());
            }
            Problem problem = ((DiaryOutcome.Refused) outcome).problem();
            LOG.info("diary entry refused: {} with {} field error(s)", problem.type(), problem.errors().size());
            return HttpResponses.problem(problem);
        } catch (BackendUnavailableException e) {
            LOG.warn("{}: DynamoDB unavailable ({})", route, e.getClass().getSimpleName());
            return HttpResponses.unavailable(Problem.of(503, "Service Unavailable",
                    "Nothing was saved. Please try again in a moment.").withType("urn:spine-intake:problem:backend-unavailable"));
        } catch (RuntimeException e) {
            // the class only: a message may quote a stored value
            LOG.error("{} failed: {}", route, e.getClass().getName());
            return HttpResponses.problem(Problem.of(500, "Internal Server Error", "The request could not be completed.")
                    .withType("urn:spine-intake:problem:internal-error"));
        }
    }
}
