package io.spineintake.priorauthpdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.TestClock;
import io.spineintake.platform.Environment;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.blocks.BlockRepository;
import io.spineintake.platform.blocks.EntryItem;
import io.spineintake.platform.blocks.EpisodeItem;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.intakes.RoutingState;
import io.spineintake.platform.priorauth.PriorAuthPackets;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.assess.Assessment;
import io.spineintake.triage.block.BlockEpisode;
import io.spineintake.triage.block.DiagnosticBlock;
import io.spineintake.triage.block.DiaryEntry;
import io.spineintake.triage.block.SpinalLevel;
import io.spineintake.triage.block.TimePoint;
import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.FormContract;
import io.spineintake.triage.form.FormReading;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Side;
import io.spineintake.triage.priorauth.ProcedureCodes;
import io.spineintake.triage.rules.BlockRuleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One test class's PDF function on its dynalite tables, a hand-moved clock, referrals made as the pipeline makes them. */
final class Pdf {
    static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    static final Path VIGNETTES = Path.of("..", "triage-engine", "src", "test", "resources", "vignettes");

    final LocalAws aws;
    final TestClock clock = new TestClock(T0);
    final ReferralRepository referrals;
    final IntakeRepository intakes;
    final BlockRepository blocks;
    final PriorAuthPdfHandler handler;
    /** The loader the JSON route uses, on the same tables: what both print. */
    final PriorAuthPackets packets;

    Pdf(LocalAws aws) {
        this.aws = aws;
        this.referrals = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
        this.intakes = new IntakeRepository(aws.clients(), aws.intakesTable());
        this.blocks = new BlockRepository(aws.clients(), aws.blocksTable());
        this.handler = new PriorAuthPdfHandler(new Environment(aws.config(), aws.clients(), clock));
        this.packets = new PriorAuthPackets(referrals, intakes, blocks, TriageEngine.fromEnvironment(Map.of()),
                BlockRuleFile.bundled(), ProcedureCodes.NONE, ZoneId.of("America/New_York"), clock);
    }

    static byte[] vignette(String name) {
        try {
            return Files.readAllBytes(VIGNETTES.resolve(name + ".json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An assessed intake of the form and its referral, as submit-intake and the consult queue leave them. */
    void referral(String id, byte[] form) throws IOException {
        FormContract contract = FormContract.load();
        FormReading reading = contract.read(form);
        assertThat(reading.isValid()).isTrue();
        Instant received = clock.instant().minus(Duration.ofHours(2));
        Assessment a = TriageEngine.fromEnvironment(Map.of()).assess(reading.form(), received);
        String regions = String.join(",", a.regions().stream().map(r -> r.region().name()).toList());
        assertThat(intakes.putIfAbsent(IntakeRecord.builder().intakeId(id).receivedAt(Timestamps.of(received))
                .requestHash("0".repeat(64)).formJson(contract.toJson(reading.form()))
                .assessmentJson(contract.mapper().writeValueAsString(a)).ruleSetVersion(a.ruleSetVersion())
                .disposition(a.disposition()).tier(a.tier()).score(a.score()).priorityKey(a.priorityKey())
                .routingState(RoutingState.ROUTED).updatedAt(Timestamps.of(received))
                .regions(io.spineintake.platform.Regions.decode(regions)).build())).isTrue();
        String created = Timestamps.of(clock.instant());
        assertThat(referrals.createIfAbsent(ReferralRecord.builder().referralId(id).intakeId(id).status(ReferralStatus.NEW)
                .disposition(a.disposition()).tier(a.tier()).score(a.score())
                .regions(io.spineintake.platform.Regions.decode(regions)).priorityKey(a.priorityKey())
                .submittedAt(Timestamps.of(received)).createdAt(created)
                .dueAt(Timestamps.of(received.plus(Duration.ofDays(14)))).worklist(ReferralRecord.OPEN)
                .lastEntry(AuditEntry.builder().at(created).actor("system").action(AuditAction.CREATED)
                        .status(ReferralStatus.NEW).disposition(a.disposition()).version(1L).build())
                .build())).isTrue();
    }

    /** V01 with two lumbar blocks: the first (lidocaine) and the second (bupivacaine), both with diaries. */
    void withTwoBlocks(String id) throws IOException {
        referral(id, vignette("V01"));
        episode(id, new BlockEpisode(UUID.randomUUID().toString(), T0.minus(Duration.ofDays(20)), Region.LUMBAR,
                List.of(SpinalLevel.L4_L5, SpinalLevel.L5_S1), Side.BOTH, Anaesthetic.LIDOCAINE, DiagnosticBlock.FIRST, 8),
                Map.of(15, 1, 30, 1, 60, 1, 90, 2, 120, 6));
        episode(id, new BlockEpisode(UUID.randomUUID().toString(), T0.minus(Duration.ofDays(6)), Region.LUMBAR,
                List.of(SpinalLevel.L4_L5, SpinalLevel.L5_S1), Side.BOTH, Anaesthetic.BUPIVACAINE, DiagnosticBlock.SECOND, 8),
                Map.of(15, 2, 30, 1, 60, 1, 120, 0, 180, 1, 240, 2, 360, 7));
    }

    void episode(String id, BlockEpisode e, Map<Integer, Integer> nrsByMinute) {
        assertThat(blocks.putEpisode(EpisodeItem.of(id, e, Timestamps.of(e.injectionEnded().plus(Duration.ofMinutes(5))),
                "alice.ng"))).isTrue();
        nrsByMinute.forEach((minutes, nrs) -> assertThat(blocks.putEntry(EntryItem.of(id, e.episodeId(),
                new DiaryEntry(TimePoint.minutes(minutes), nrs, e.injectionEnded().plus(Duration.ofMinutes(minutes + 2)),
                        false, List.of()), "k" + minutes, "h" + minutes))).isTrue());
    }

    static Map<String, String> coordinator(String username) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", UUID.nameUUIDFromBytes(username.getBytes()).toString());
        claims.put("cognito:username", username);
        claims.put("cognito:groups", "[coordinators]");
        claims.put("token_use", "access");
        return claims;
    }

    static APIGatewayV2HTTPEvent event(String id, String region, Map<String, String> claims) {
        String path = "/referrals/" + id + "/prior-auth/" + region + "/pdf";
        Map<String, String> params = new HashMap<>();
        if (id != null) {
            params.put("id", id);
        }
        if (region != null) {
            params.put("region", region);
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(PriorAuthPdfHandler.PDF).withRawPath(path)
                .withHeaders(new HashMap<>(Map.of("accept", "application/pdf"))).withPathParameters(params)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(PriorAuthPdfHandler.PDF)
                        .withRequestId(UUID.randomUUID().toString()).withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .withAuthorizer(claims == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(new HashMap<>(claims)).withScopes(null).build()).build())
                        .build())
                .build();
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) {
        APIGatewayV2HTTPResponse r = handler.handleRequest(e, LambdaContext.invocation("PriorAuthPdfFunction", 29));
        assertThat(r.getHeaders()).containsEntry("Cache-Control", "no-store");
        return r;
    }
}
