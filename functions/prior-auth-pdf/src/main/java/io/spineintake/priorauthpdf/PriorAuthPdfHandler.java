package io.spineintake.priorauthpdf;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.Config;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Log;
import io.spineintake.platform.Priming;
import io.spineintake.platform.blocks.BlockRepository;
import io.spineintake.platform.http.CoordinatorClaims;
import io.spineintake.platform.http.HttpResponses;
import io.spineintake.platform.http.Problem;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.priorauth.PriorAuthPackets;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.priorauth.PriorAuthPacket;
import io.spineintake.triage.priorauth.ProcedureCodes;
import io.spineintake.triage.rules.BlockRuleFile;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * GET /referrals/{id}/prior-auth/{region}/pdf (coordinators only, behind the same JWT authorizer as
 * triage-api): the prior-authorization packet, assembled by the engine exactly as the JSON route
 * assembles it ({@link PriorAuthPackets}), printed as a PDF with Apache PDFBox (in this function
 * only). The body is base64 for API Gateway; the file name names the region and the day, never the
 * patient. Thin: checks the caller, reads the path, asks for the packet, renders it. Logs the route,
 * the referral id and the status only.
 */
public final class PriorAuthPdfHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(PriorAuthPdfHandler.class);

    public static final String PDF = "GET /referrals/{id}/prior-auth/{region}/pdf";
    public static final List<String> ROUTES = List.of(PDF);
    public static final String APPLICATION_PDF = "application/pdf";
    static final String PREFIX = "urn:spine-intake:problem:";
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PriorAuthPackets packets;

    /** The SnapStart priming hook, held here because CRaC holds it weakly (Lambda's constructor only). */
    @SuppressWarnings("unused")
    private Object priming;

    /** Lambda's constructor: configuration and clients once per execution environment, SnapStart priming registered. */
    public PriorAuthPdfHandler() {
        this(Environment.forLambda());
        priming = Priming.register(() -> PriorAuthPdfPriming.prime(this));
    }

    /** The local runner's and the tests': its configuration, clients and clock. */
    public PriorAuthPdfHandler(Environment env) {
        Config config = env.config().require(Config.Var.INTAKES_TABLE, Config.Var.REFERRALS_TABLE,
                Config.Var.AUDIT_TABLE, Config.Var.BLOCKS_TABLE, Config.Var.CLINIC_TIME_ZONE);
        this.packets = new PriorAuthPackets(new ReferralRepository(env.clients(), config.referralsTable(),
                config.auditTable()), new IntakeRepository(env.clients(), config.intakesTable()),
                new BlockRepository(env.clients(), config.blocksTable()), TriageEngine.fromEnvironment(config.values()),
                BlockRuleFile.fromEnvironment(config.values()), ProcedureCodes.fromEnvironment(config.values()),
                config.clinicZone(), env.clock());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String route = event != null && ROUTES.contains(event.getRouteKey()) ? event.getRouteKey() : "unknown route";
        try {
            Log.withRequest(context, event);
            String id = path(event, "id");
            if (id != null && UUID.matcher(id).matches()) {
                MDC.put("referral_id", id);
            }
            APIGatewayV2HTTPResponse response = respond(route, event);
            LOG.info("{} answered {}", route, response.getStatusCode());
            return response;
        } finally {
            MDC.remove("referral_id");
            Log.clear();
        }
    }

    private APIGatewayV2HTTPResponse respond(String route, APIGatewayV2HTTPEvent event) {
        try {
            Optional<CoordinatorClaims> me = CoordinatorClaims.from(CoordinatorClaims.claims(event));
            if (me.isEmpty()) {
                return HttpResponses.problem(Problem.of(403, "Forbidden",
                        "This API is for coordinators: the token carries no coordinators group.")
                        .withType(PREFIX + "not-a-coordinator"));
            }
            Optional<Problem> escape = io.spineintake.platform.http.RequestTargets.malformedEscape(event);
            if (escape.isPresent()) {
                return HttpResponses.problem(escape.get());
            }
            if (!PDF.equals(route)) {
                return HttpResponses.problem(Problem.of(404, "Not Found", "This API has no such route.")
                        .withType(PREFIX + "unknown-route"));
            }
            String id = path(event, "id");
            if (id == null || !UUID.matcher(id).matches()) {
                return notFound();
            }
            Optional<Region> region = PriorAuthPackets.region(path(event, "region"));
            if (region.isEmpty()) {
                return HttpResponses.problem(Problem.of(422, "Unknown region", "The region is one of cervical, thoracic or lumbar.")
                        .withType(PriorAuthPackets.UNKNOWN_REGION)
                        .withErrors(List.of(new Problem.FieldError("/region", "Not one of cervical, thoracic or lumbar."))));
            }
            Optional<PriorAuthPacket> packet = packets.packet(id, region.get(), me.get().username(), AuditAction.PRIOR_AUTH_PDF);
            return packet.isEmpty() ? notFound() : pdf(packet.get());
        } catch (BackendUnavailableException e) {
            LOG.warn("{}: DynamoDB unavailable ({})", route, e.getClass().getSimpleName());
            return HttpResponses.unavailable(Problem.of(503, "Service Unavailable",
                    "The referrals could not be reached; nothing was changed. Try again in a moment.")
                    .withType(PREFIX + "backend-unavailable"));
        } catch (RuntimeException e) {
            // the class only: an exception's message may quote a stored value
            LOG.error("{} failed: {}", route, e.getClass().getName());
            return HttpResponses.problem(Problem.of(500, "Internal Server Error", "The request could not be completed.")
                    .withType(PREFIX + "internal-error"));
        }
    }

    /** 200 application/pdf, base64 for API Gateway, an attachment named by region and day only. */
    static APIGatewayV2HTTPResponse pdf(PriorAuthPacket packet) {
        byte[] bytes = PacketPdf.render(packet);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", APPLICATION_PDF);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Disposition", "attachment; filename=\"" + fileName(packet) + "\"");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers)
                .withBody(Base64.getEncoder().encodeToString(bytes)).withIsBase64Encoded(true).build();
    }

    /** "prior-auth-lumbar-2026-11-27.pdf": the region and the day, nothing of the patient. */
    static String fileName(PriorAuthPacket packet) {
        return "prior-auth-" + packet.region().name().toLowerCase(java.util.Locale.ROOT) + "-" + packet.preparedOn() + ".pdf";
    }

    private static APIGatewayV2HTTPResponse notFound() {
        return HttpResponses.problem(Problem.of(404, "Referral not found", "There is no referral with this id.")
                .withType(PREFIX + "referral-not-found"));
    }

    private static String path(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> p = event == null ? null : event.getPathParameters();
        return p == null ? null : p.get(name);
    }
}
