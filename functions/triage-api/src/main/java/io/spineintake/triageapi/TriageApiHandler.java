package io.spineintake.triageapi;

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
import io.spineintake.platform.blocks.BlockRepository;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.priorauth.PriorAuthPackets;
import io.spineintake.triage.rules.BlockRuleFile;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.triage.block.ReliefStandard;
import io.spineintake.triageapi.fhir.IntakeQuestionnaire;
import io.spineintake.triageapi.fhir.ReferralBundle;
import java.util.function.Supplier;
import io.spineintake.triage.form.Region;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.triage.block.BlockRules;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The coordinators' API (HTTP API, payload format 2.0), routed by route key. Thin: checks the
 * caller is a coordinator, reads the request, calls {@link ReferralService}, writes the answer
 * (application/json, or application/problem+json for every refusal). Logs the route, the referral
 * id and the status: never a note, a name or a form value.
 */
public final class TriageApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(TriageApiHandler.class);

    public static final String LIST = "GET /referrals";
    public static final String STATS = "GET /referrals/stats";
    public static final String DETAIL = "GET /referrals/{id}";
    public static final String CLAIM = "POST /referrals/{id}/claim";
    public static final String RELEASE = "POST /referrals/{id}/release";
    public static final String DECISION = "POST /referrals/{id}/decision";
    public static final String BLOCKS = "GET /referrals/{id}/blocks";
    public static final String RECORD_BLOCK = "POST /referrals/{id}/blocks";
    public static final String ISSUE_DIARY_LINK = "POST /referrals/{id}/blocks/{episodeId}/diary-link";
    public static final String REVOKE_DIARY_LINK = "DELETE /referrals/{id}/blocks/{episodeId}/diary-link";
    public static final String FHIR_QUESTIONNAIRE = "GET /fhir/Questionnaire/intake";
    public static final String FHIR_BUNDLE = "GET /referrals/{id}/fhir";
    public static final String PRIOR_AUTH = "GET /referrals/{id}/prior-auth/{region}";
    public static final List<String> ROUTES = List.of(LIST, STATS, DETAIL, CLAIM, RELEASE, DECISION, BLOCKS, RECORD_BLOCK,
            ISSUE_DIARY_LINK, REVOKE_DIARY_LINK, FHIR_QUESTIONNAIRE, FHIR_BUNDLE, PRIOR_AUTH);
    /** FHIR's JSON media type (the FHIR routes). */
    public static final String FHIR_JSON = "application/fhir+json";

    /** MDC key of the referral a request is about (a UUID: no patient data). */
    public static final String REFERRAL_ID = "referral_id";
    /** MDC key of the block episode a request is about (a UUID). */
    public static final String EPISODE_ID = "episode_id";

    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?(?:\"([0-9]{1,18})\"|([0-9]{1,18}))");

    private final ReferralService service;
    /** Null only for handlers made without one (the block routes then answer 404). */
    private final BlockService blocks;
    /** The prior-authorization packets, built on first use (null: the route answers 404). */
    private final Supplier<PriorAuthPackets> packets;

    /** The SnapStart priming hook, held here because CRaC holds it weakly (Lambda's constructor only). */
    @SuppressWarnings("unused")
    private Object priming;

    /**
     * Lambda's constructor: configuration and clients are built once per execution environment, and SnapStart
     * priming is registered ({@link TriageApiPriming}).
     */
    public TriageApiHandler() {
        this(Environment.forLambda());
        priming = Priming.register(() -> TriageApiPriming.prime(this));
    }

    /** The local runner's: its own configuration, clients and clock (Lambda's is the system clock). */
    public TriageApiHandler(Environment env) {
        this(require(env.config()), env.clients(), env.clock());
    }

    /** One repository per table and the block rules loaded once, shared by the referral, block and packet services. */
    private TriageApiHandler(Config config, AwsClients clients, Clock clock) {
        this(new Tables(new ReferralRepository(clients, config.referralsTable(), config.auditTable()),
                new IntakeRepository(clients, config.intakesTable()), new BlockRepository(clients, config.blocksTable())),
                config, BlockRuleFile.fromEnvironment(config.values()), clock);
    }

    private TriageApiHandler(Tables t, Config config, BlockRules rules, Clock clock) {
        this(new ReferralService(t.referrals(), t.intakes(), clock, config.claimLease(), config.worklistCursorKey(),
                        new io.spineintake.platform.ClinicMetrics(config)),
                new BlockService(t.referrals(), t.blocks(), rules, config.clinicZone(), clock),
                lazy(() -> new PriorAuthPackets(t.referrals(), t.intakes(), t.blocks(),
                        io.spineintake.triage.TriageEngine.fromEnvironment(config.values()), rules,
                        io.spineintake.triage.priorauth.ProcedureCodes.fromEnvironment(config.values()), config.clinicZone(), clock)));
    }

    private record Tables(ReferralRepository referrals, IntakeRepository intakes, BlockRepository blocks) {
    }

    public TriageApiHandler(ReferralService service) {
        this(service, null);
    }

    public TriageApiHandler(ReferralService service, BlockService blocks) {
        this(service, blocks, (Supplier<PriorAuthPackets>) null);
    }

    public TriageApiHandler(ReferralService service, BlockService blocks, PriorAuthPackets packets) {
        this(service, blocks, packets == null ? null : () -> packets);
    }

    private TriageApiHandler(ReferralService service, BlockService blocks,
            Supplier<PriorAuthPackets> packets) {
        this.service = service;
        this.blocks = blocks;
        this.packets = packets;
    }

    /** The packets' engine and rule files load on the first packet asked for, not at every cold start. */
    private static Supplier<PriorAuthPackets> lazy(Supplier<PriorAuthPackets> make) {
        return new java.util.function.Supplier<>() {
            private volatile PriorAuthPackets made;

            @Override
            public PriorAuthPackets get() {
                PriorAuthPackets p = made;
                if (p == null) {
                    synchronized (this) {
                        if (made == null) {
                            made = make.get();
                        }
                        p = made;
                    }
                }
                return p;
            }
        };
    }


    private static Config require(Config config) {
        return config.require(Config.Var.INTAKES_TABLE, Config.Var.REFERRALS_TABLE, Config.Var.AUDIT_TABLE,
                Config.Var.BLOCKS_TABLE, Config.Var.CLINIC_TIME_ZONE, Config.Var.WORKLIST_CURSOR_KEY,
                Config.Var.POWERTOOLS_METRICS_NAMESPACE);
    }



    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String route = event != null && ROUTES.contains(event.getRouteKey()) ? event.getRouteKey() : "unknown route";
        try {
            Log.withRequest(context, event);
            String id = pathId(event);
            if (id != null && WorklistCursor.UUID.matcher(id).matches()) {
                MDC.put(REFERRAL_ID, id);
            }
            String episodeId = event == null || event.getPathParameters() == null ? null
                    : event.getPathParameters().get("episodeId");
            if (episodeId != null && WorklistCursor.UUID.matcher(episodeId).matches()) {
                MDC.put(EPISODE_ID, episodeId);
            }
            APIGatewayV2HTTPResponse response = respond(route, event);
            LOG.info("{} answered {}", route, response.getStatusCode());
            return response;
        } finally {
            MDC.remove(REFERRAL_ID);
            MDC.remove(EPISODE_ID);
            Log.clear();
        }
    }

    private APIGatewayV2HTTPResponse respond(String route, APIGatewayV2HTTPEvent event) {
        try {
            Coordinator me = Coordinator.from(event).orElseThrow(() -> ApiProblem.of(403, ApiProblem.NOT_A_COORDINATOR,
                    "Forbidden", "This API is for coordinators: the token carries no coordinators group."));
            RequestTargets.malformedEscape(event).ifPresent(p -> {
                throw new ApiProblem(p);
            });
            String id = pathId(event);
            return switch (route) {
                case LIST -> HttpResponses.json(200, ReferralViews.Worklist.of(
                        service.worklist(WorklistQuery.parse(event.getQueryStringParameters()))));
                case STATS -> HttpResponses.json(200, ReferralViews.Stats.of(service.stats()));
                case DETAIL -> {
                    ReferralService.Detail d = service.view(id, me);
                    yield HttpResponses.json(200, ReferralViews.Detail.of(d, service.now()), etag(d.referral()));
                }
                case CLAIM -> {
                    ReferralRecord r = service.claim(id, me);
                    yield HttpResponses.json(200, ReferralViews.Summary.of(r, service.now()), etag(r));
                }
                case RELEASE -> {
                    ReferralRecord r = service.release(id, me);
                    yield HttpResponses.json(200, ReferralViews.Summary.of(r, service.now()), etag(r));
                }
                case DECISION -> decide(id, me, event);
                case FHIR_QUESTIONNAIRE -> HttpResponses.jsonText(200, IntakeQuestionnaire.json(),
                        Map.of("Content-Type", FHIR_JSON));
                case FHIR_BUNDLE -> fhirBundle(id, me);
                case PRIOR_AUTH -> packets == null
                        ? HttpResponses.problem(Problem.of(404, "Not Found", "This API has no such route.")
                                .withType(ApiProblem.UNKNOWN_ROUTE))
                        : priorAuth(id, me, event);
                case BLOCKS, RECORD_BLOCK, ISSUE_DIARY_LINK, REVOKE_DIARY_LINK -> blocks == null
                        ? HttpResponses.problem(Problem.of(404, "Not Found", "This API has no such route.")
                                .withType(ApiProblem.UNKNOWN_ROUTE))
                        : block(route, id, me, event);
                default -> HttpResponses.problem(Problem.of(404, "Not Found", "This API has no such route.")
                        .withType(ApiProblem.UNKNOWN_ROUTE));
            };
        } catch (ApiProblem p) {
            return HttpResponses.problem(p.problem());
        } catch (BackendUnavailableException e) {
            LOG.warn("{}: DynamoDB unavailable ({})", route, e.getClass().getSimpleName());
            return HttpResponses.unavailable(Problem.of(503, "Service Unavailable",
                    "The referrals could not be reached; nothing was changed. Try again in a moment.")
                    .withType(ApiProblem.BACKEND_UNAVAILABLE));
        } catch (RuntimeException e) {
            // the class only: an exception's message may quote a stored value
            LOG.error("{} failed: {}", route, e.getClass().getName());
            return HttpResponses.problem(Problem.of(500, "Internal Server Error", "The request could not be completed.")
                    .withType(ApiProblem.INTERNAL_ERROR));
        }
    }

    /** GET /referrals/{id}/fhir: the referral as a FHIR R4 Bundle (docs/fhir.md); the read is audited. */
    private APIGatewayV2HTTPResponse fhirBundle(String id, Coordinator me) {
        ReferralService.Export export = service.export(id, me);
        IntakeRecord intake = export.intake();
        ReliefStandard standard = blocks == null ? BlockRuleFile.bundled().clinicStandard() : blocks.rules().clinicStandard();
        ReferralBundle.Input input = new ReferralBundle.Input(export.referral(), intake == null ? null : intake.receivedAt(),
                ReferralViews.tree(intake == null ? null : intake.formJson(), "form", id),
                ReferralViews.tree(intake == null ? null : intake.assessmentJson(), "assessment", id),
                blocks == null ? List.of() : blocks.exportBlocks(id), standard);
        return HttpResponses.jsonText(200, ReferralBundle.json(input), Map.of("Content-Type", FHIR_JSON));
    }

    /**
     * GET /referrals/{id}/prior-auth/{region}: the prior-authorization packet of one region
     * (docs/prior-auth.md), read-only; the read is audited (PRIOR_AUTH_VIEWED).
     */
    private APIGatewayV2HTTPResponse priorAuth(String id, Coordinator me, APIGatewayV2HTTPEvent event) {
        ReferralService.requireUuid(id);
        String segment = event.getPathParameters() == null ? null : event.getPathParameters().get("region");
        Region region = PriorAuthPackets.region(segment).orElseThrow(() -> ApiProblem.of(422,
                PriorAuthPackets.UNKNOWN_REGION, "Unknown region",
                "The region is one of cervical, thoracic or lumbar.",
                List.of(new Problem.FieldError("/region", "Not one of cervical, thoracic or lumbar."))));
        return HttpResponses.json(200, packets.get().packet(id, region, me.username(),
                AuditAction.PRIOR_AUTH_VIEWED).orElseThrow(ApiProblem::notFound));
    }


    /** The block routes (issue 17): episodes, their diaries and verdicts, diary links. */
    private APIGatewayV2HTTPResponse block(String route, String id, Coordinator me, APIGatewayV2HTTPEvent event) {
        Map<String, String> p = event.getPathParameters();
        String episodeId = p == null ? null : p.get("episodeId");
        return switch (route) {
            case BLOCKS -> HttpResponses.json(200, BlockViews.Overview.of(blocks.overview(id, me), blocks.rules(), blocks.today()));
            case RECORD_BLOCK -> {
                ReferralService.requireUuid(id);
                byte[] body = jsonBody(event, BlockRequest.MAX_BODY_BYTES, "Send the block");
                BlockRequest request = BlockRequest.parse(body, blocks.now());
                BlockService.Recorded r = blocks.record(id, me, request);
                MDC.put(EPISODE_ID, r.episode().episodeId());
                yield HttpResponses.json(201, BlockViews.Recorded.of(r, blocks.rules(), blocks.now()));
            }
            case ISSUE_DIARY_LINK -> {
                BlockService.IssuedLink link = blocks.issueLink(id, episodeId, me);
                yield HttpResponses.json(201, new BlockViews.IssuedLink(link.token(), BlockViews.ts(link.expiresAt())));
            }
            default -> {
                blocks.revokeLink(id, episodeId, me);
                yield HttpResponses.noContent();
            }
        };
    }

    /** A JSON body of at most {@code maxBytes}: 415, 413 and 400 as for decisions. */
    private static byte[] jsonBody(APIGatewayV2HTTPEvent event, int maxBytes, String what) {
        if (!Headers.isJson(event)) {
            throw ApiProblem.of(415, ApiProblem.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    what + " as application/json in UTF-8 (no charset, or charset=utf-8).");
        }
        try {
            return RequestBodies.read(event, maxBytes);
        } catch (RequestBodies.BodyException e) {
            throw new ApiProblem(e.toProblem().withType(e.status() == 413 ? ApiProblem.PREFIX + "body-too-large"
                    : ApiProblem.MALFORMED_BODY));
        }
    }

    /** POST /referrals/{id}/decision: If-Match, then the JSON body, then the service. */
    private APIGatewayV2HTTPResponse decide(String id, Coordinator me, APIGatewayV2HTTPEvent event) {
        ReferralService.requireUuid(id);
        long expected = ifMatch(Headers.get(event, "if-match"));
        if (!Headers.isJson(event)) {
            throw ApiProblem.of(415, ApiProblem.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "Send the decision as application/json in UTF-8 (no charset, or charset=utf-8).");
        }
        byte[] body;
        try {
            body = RequestBodies.read(event, DecisionRequest.MAX_BODY_BYTES);
        } catch (RequestBodies.BodyException e) {
            throw new ApiProblem(e.toProblem().withType(e.status() == 413 ? ApiProblem.PREFIX + "body-too-large"
                    : ApiProblem.MALFORMED_BODY));
        }
        ReferralRecord r = service.decide(id, me, expected, DecisionRequest.parse(body));
        return HttpResponses.json(200, ReferralViews.Referral.of(r, service.now()), etag(r));
    }

    /**
     * The version in an If-Match header: {@code "7"}, {@code 7} or {@code W/"7"}.
     *
     * @throws ApiProblem 428 when missing, 400 when not one version
     */
    static long ifMatch(Optional<String> header) {
        if (header.isEmpty()) {
            throw ApiProblem.of(428, ApiProblem.IF_MATCH_REQUIRED, "Precondition Required",
                    "Send If-Match with the ETag of the referral you decided on (GET /referrals/{id} returns it).");
        }
        var m = IF_MATCH.matcher(header.get().strip());
        long version = -1;
        if (m.matches()) {
            version = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if (version < 1) {
            throw ApiProblem.of(400, ApiProblem.INVALID_IF_MATCH, "Invalid If-Match",
                    "If-Match must be one referral version, as its ETag gives it (for example \"7\").");
        }
        return version;
    }

    static Map<String, String> etag(ReferralRecord r) {
        return Map.of("ETag", "\"" + r.version() + "\"");
    }

    private static String pathId(APIGatewayV2HTTPEvent event) {
        Map<String, String> p = event == null ? null : event.getPathParameters();
        return p == null ? null : p.get("id");
    }
}
