package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.blocks.EntryItem;
import io.spineintake.platform.blocks.EpisodeItem;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.block.BlockEpisode;
import io.spineintake.triage.block.DiagnosticBlock;
import io.spineintake.triage.block.DiaryEntry;
import io.spineintake.triage.block.SpinalLevel;
import io.spineintake.triage.block.TimePoint;
import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.form.Side;
import io.spineintake.triageapi.fhir.FhirValidation;
import io.spineintake.triageapi.fhir.ReferralBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /referrals/{id}/fhir and GET /fhir/Questionnaire/intake through the real handler on dynalite:
 * every exported resource valid R4 (HAPI's validator, 0 errors), a golden Bundle, blanks never
 * "no", the priority and status mappings, the read audited, 403 and 404.
 */
@ExtendWith(LocalAwsExtension.class)
class FhirExportTest {
    static final Path VIGNETTES = Path.of("..", "triage-engine", "src", "test", "resources", "vignettes");
    static final Path GOLDEN = Path.of("src", "test", "resources", "fhir", "V01-bundle.json");
    /** The golden referral and its blocks: fixed ids. */
    static final String GOLDEN_ID = "0b9c3f0e-5d2a-4c61-9a57-6f1e2d3c4b5a";
    static final String FIRST_BLOCK = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    static final String SECOND_BLOCK = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60";

    Api api;

    @BeforeEach
    void setUp(LocalAws aws) {
        api = new Api(aws);
    }

    static byte[] vignette(String name) {
        try {
            return Files.readAllBytes(VIGNETTES.resolve(name + ".json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The vignette as a patient who chose Spanish sent it. */
    static byte[] spanish(String name) throws IOException {
        ObjectNode form = (ObjectNode) Api.JSON.readTree(vignette(name));
        ((ObjectNode) form.path("patient")).put("language", "es");
        return Api.JSON.writeValueAsBytes(form);
    }

    record Fhir(int status, Map<String, String> headers, String body, JsonNode json) {
    }

    Fhir call(APIGatewayV2HTTPEvent e) {
        APIGatewayV2HTTPResponse r = api.handler.handleRequest(e, LambdaContext.invocation(Api.FUNCTION, 10));
        assertThat(r.getHeaders()).containsEntry("Cache-Control", "no-store");
        try {
            return new Fhir(r.getStatusCode(), r.getHeaders(), r.getBody(), Api.JSON.readTree(r.getBody()));
        } catch (IOException ex) {
            throw new AssertionError("not JSON", ex);
        }
    }

    Fhir export(String user, String id) {
        return call(Api.event(TriageApiHandler.FHIR_BUNDLE, id, Api.coordinator(user)));
    }

    /** The Bundle and each of its resources alone: no error from HAPI's validator. */
    static void assertValid(String what, String bundle) throws IOException {
        List<FhirValidation.Message> errors = new ArrayList<>(FhirValidation.errors(what + " Bundle", bundle));
        for (JsonNode entry : Api.JSON.readTree(bundle).path("entry")) {
            String type = entry.path("resource").path("resourceType").asText();
            errors.addAll(FhirValidation.errors(what + " " + type, Api.JSON.writeValueAsString(entry.path("resource"))));
        }
        assertThat(errors).as(what).isEmpty();
    }

    static List<JsonNode> resources(JsonNode bundle, String type) {
        List<JsonNode> out = new ArrayList<>();
        bundle.path("entry").forEach(e -> {
            if (e.path("resource").path("resourceType").asText().equals(type)) {
                out.add(e.path("resource"));
            }
        });
        return out;
    }

    /** Every answer item of a QuestionnaireResponse with this linkId, at any depth. */
    static List<JsonNode> answered(JsonNode qr, String linkId) {
        List<JsonNode> out = new ArrayList<>();
        collect(qr.path("item"), linkId, out);
        return out;
    }

    private static void collect(JsonNode items, String linkId, List<JsonNode> out) {
        for (JsonNode i : items) {
            if (i.path("linkId").asText().equals(linkId)) {
                out.add(i);
            }
            collect(i.path("item"), linkId, out);
        }
    }

    // ---- validation ------------------------------------------------------------------------------

    @Test
    void theQuestionnaireRouteAnswersTheValidQuestionnaireAsFhirJson() {
        Fhir q = call(Api.event(TriageApiHandler.FHIR_QUESTIONNAIRE, null, Api.coordinator("alice.ng")));
        assertThat(q.status()).isEqualTo(200);
        assertThat(q.headers()).containsEntry("Content-Type", "application/fhir+json");
        assertThat(q.json().path("resourceType").asText()).isEqualTo("Questionnaire");
        assertThat(FhirValidation.errors("GET /fhir/Questionnaire/intake", q.body())).isEmpty();
    }

    @Test
    void theExportsOfTheVignettesAreValidR4() throws IOException {
        List<String> names = new ArrayList<>();
        for (int n = 1; n <= 18; n++) {
            names.add(String.format("V%02d", n));
        }
        names.add("V13-es");
        for (String v : names) {
            String id = UUID.randomUUID().toString();
            api.createWithIntake(id, v.endsWith("-es") ? spanish(v.substring(0, 3)) : vignette(v));
            Fhir f = export("alice.ng", id);
            assertThat(f.status()).as(v).isEqualTo(200);
            assertThat(f.headers()).containsEntry("Content-Type", "application/fhir+json");
            assertThat(f.json().path("type").asText()).isEqualTo("collection");
            assertValid(v, f.body());
            assertThat(resources(f.json(), "Patient")).hasSize(1);
            assertThat(resources(f.json(), "QuestionnaireResponse")).hasSize(1);
            assertThat(resources(f.json(), "RiskAssessment")).hasSize(1);
            assertThat(resources(f.json(), "ServiceRequest")).hasSize(1);
            assertThat(resources(f.json(), "Task")).hasSize(1);
            assertThat(resources(f.json(), "QuestionnaireResponse").get(0).path("language").asText())
                    .isEqualTo(v.endsWith("-es") ? "es" : "en");
        }
    }

    @Test
    void redFlagsAreFlagsAndAnEmergencyTaskIsStat() throws IOException {
        String id = UUID.randomUUID().toString();
        api.createWithIntake(id, vignette("V04")); // saddle numbness and bladder change: hard stops
        JsonNode b = export("alice.ng", id).json();
        List<JsonNode> flags = resources(b, "Flag");
        assertThat(flags).isNotEmpty();
        assertThat(flags).allSatisfy(f -> {
            assertThat(f.path("status").asText()).isEqualTo("active");
            assertThat(f.path("code").path("coding").get(0).path("code").asText()).isNotEmpty();
        });
        assertThat(resources(b, "Task").get(0).path("priority").asText()).isEqualTo("stat");
        assertThat(resources(b, "ServiceRequest").get(0).path("priority").asText()).isEqualTo("stat");

        String urgent = UUID.randomUUID().toString();
        api.createWithIntake(urgent, vignette("V05")); // cancer history and weight loss: urgent review
        JsonNode u = export("alice.ng", urgent).json();
        assertThat(api.get(urgent).disposition()).isEqualTo(Disposition.URGENT_REVIEW);
        assertThat(resources(u, "Task").get(0).path("priority").asText()).isEqualTo("asap");
        assertThat(resources(u, "Flag")).isNotEmpty();
    }

    @Test
    void priorityFollowsTheDisposition() {
        assertThat(ReferralBundle.priority(Disposition.EMERGENCY)).isEqualTo("stat");
        assertThat(ReferralBundle.priority(Disposition.URGENT_REVIEW)).isEqualTo("asap");
        assertThat(ReferralBundle.priority(Disposition.CONSULT)).isEqualTo("routine");
        assertThat(ReferralBundle.priority(Disposition.OTHER_PATHWAY)).isEqualTo("routine");
        assertThat(ReferralBundle.priority(Disposition.CONSERVATIVE_CARE_FIRST)).isEqualTo("routine");
    }

    @Test
    void theTaskFollowsTheReferral() {
        String id = UUID.randomUUID().toString();
        api.createWithIntake(id, vignette("V06"));
        JsonNode task = resources(export("alice.ng", id).json(), "Task").get(0);
        assertThat(task.path("status").asText()).isEqualTo("requested");
        assertThat(task.path("priority").asText()).isEqualTo("routine");
        assertThat(task.path("restriction").path("period").path("end").asText()).isEqualTo(api.get(id).dueAt());
        assertThat(task.has("owner")).isFalse();
        api.claim("bob.okafor", id);
        task = resources(export("alice.ng", id).json(), "Task").get(0);
        assertThat(task.path("status").asText()).isEqualTo("in-progress");
        assertThat(task.path("owner").path("identifier").path("value").asText()).isEqualTo("bob.okafor");
    }

    // ---- the answers -------------------------------------------------------------------------------

    @Test
    void blankAnswersAreLeftOutNeverTurnedIntoNo() throws IOException {
        ObjectNode form = (ObjectNode) Api.JSON.readTree(vignette("V06"));
        ObjectNode safety = (ObjectNode) form.path("safety");
        safety.remove("saddleNumbness");                 // left blank
        safety.put("bladderOrBowelChange", "UNSURE");    // not sure: an answer, never a no
        ((ObjectNode) form.path("procedure")).remove("pregnant");
        String id = UUID.randomUUID().toString();
        api.createWithIntake(id, Api.JSON.writeValueAsBytes(form));
        Fhir f = export("alice.ng", id);
        assertValid("blanks", f.body());
        JsonNode qr = resources(f.json(), "QuestionnaireResponse").get(0);
        assertThat(answered(qr, "saddleNumbness")).isEmpty();
        assertThat(answered(qr, "pregnant")).isEmpty();
        assertThat(answered(qr, "bladderOrBowelChange")).singleElement()
                .satisfies(i -> assertThat(i.path("answer").get(0).path("valueCoding").path("code").asText()).isEqualTo("UNSURE"));
        assertThat(answered(qr, "worseningLegWeakness")).singleElement()
                .satisfies(i -> assertThat(i.path("answer").get(0).path("valueCoding").path("code").asText()).isEqualTo("NO"));
        // a never-asked follow-up (the form's implied "no" when there never was cancer) is not an answer either
        assertThat(answered(qr, "cancerTreatedNowOrSpread")).isEmpty();
        assertThat(f.body()).doesNotContain("null");
    }

    @Test
    void perRegionAnswersSitInTheirRegionsRepetition() throws IOException {
        String id = UUID.randomUUID().toString();
        api.createWithIntake(id, vignette("V12")); // lumbar and cervical, main LUMBAR
        JsonNode qr = resources(export("alice.ng", id).json(), "QuestionnaireResponse").get(0);
        List<JsonNode> pages = answered(qr, "region-pain");
        assertThat(pages).hasSize(2);
        assertThat(answered(qr, "region-pain.region").stream()
                .map(i -> i.path("answer").get(0).path("valueCoding").path("code").asText()).toList())
                .containsExactlyInAnyOrder("LUMBAR", "CERVICAL");
        assertThat(answered(qr, "mainRegion")).singleElement()
                .satisfies(i -> assertThat(i.path("answer").get(0).path("valueCoding").path("code").asText()).isEqualTo("LUMBAR"));
    }

    // ---- blocks, golden file, stability ------------------------------------------------------------

    void goldenReferral(String id) {
        api.createWithIntake(id, vignette("V01"));
        Instant first = Api.T0.minus(Duration.ofDays(20));
        Instant second = Api.T0.minus(Duration.ofDays(6));
        episode(id, new BlockEpisode(FIRST_BLOCK, first, Region.LUMBAR, List.of(SpinalLevel.L4_L5, SpinalLevel.L5_S1), Side.BOTH,
                Anaesthetic.LIDOCAINE, DiagnosticBlock.FIRST, 8), Map.of(15, 1, 30, 1, 60, 1, 90, 2, 120, 6));
        episode(id, new BlockEpisode(SECOND_BLOCK, second, Region.LUMBAR, List.of(SpinalLevel.L4_L5, SpinalLevel.L5_S1), Side.BOTH,
                Anaesthetic.BUPIVACAINE, DiagnosticBlock.SECOND, 8), Map.of(15, 2, 30, 1, 60, 1, 120, 0, 180, 1, 240, 2, 360, 7));
    }

    void episode(String id, BlockEpisode e, Map<Integer, Integer> nrsByMinute) {
        assertThat(api.blocks.putEpisode(EpisodeItem.of(id, e, Timestamps.of(
                e.injectionEnded().plus(Duration.ofMinutes(5))), "alice.ng"))).isTrue();
        nrsByMinute.forEach((minutes, nrs) -> assertThat(api.blocks.putEntry(EntryItem.of(id, e.episodeId(),
                new DiaryEntry(TimePoint.minutes(minutes), nrs, e.injectionEnded().plus(Duration.ofMinutes(minutes + 2)),
                        false, List.of()), "k" + minutes, "h" + minutes))).isTrue());
    }

    @Test
    void blocksAndDiaryScoresAreProceduresAndObservationsWithTheirVerdicts() throws IOException {
        String id = UUID.randomUUID().toString();
        goldenReferral(id);
        Fhir f = export("alice.ng", id);
        assertValid("V01 with blocks", f.body());
        List<JsonNode> procedures = resources(f.json(), "Procedure");
        assertThat(procedures).hasSize(2);
        assertThat(procedures.get(0).path("identifier").get(0).path("value").asText()).isEqualTo(FIRST_BLOCK);
        assertThat(procedures.get(0).path("bodySite").get(0).path("text").asText()).startsWith("L4-L5, L5-S1");
        List<JsonNode> observations = resources(f.json(), "Observation");
        // per block: the baseline, each diary score and a verdict per relief standard
        assertThat(observations).hasSize(2 + 5 + 7 + 4);
        assertThat(observations.stream().filter(o -> o.path("valueInteger").isInt() && o.path("valueInteger").asInt() == 0)).hasSize(1);
        List<JsonNode> verdicts = observations.stream().filter(o -> o.has("valueCodeableConcept")).toList();
        assertThat(verdicts).hasSize(4);
        assertThat(verdicts).allSatisfy(v -> assertThat(v.path("valueCodeableConcept").path("coding").get(0).path("code").asText())
                .isIn("POSITIVE", "NEGATIVE", "NO_ENTRIES"));
        assertThat(verdicts).allSatisfy(v -> assertThat(v.path("derivedFrom")).isNotEmpty());
    }

    @Test
    void theGoldenBundleOfV01WithTwoBlocksIsStable() throws IOException {
        goldenReferral(GOLDEN_ID);
        Fhir first = export("alice.ng", GOLDEN_ID);
        api.clock.advance(Duration.ofHours(3));
        Fhir again = export("bob.okafor", GOLDEN_ID);
        assertThat(again.body()).as("no time of the call and no random id in the export").isEqualTo(first.body());
        String pretty = Api.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(first.json()) + "\n";
        if (Boolean.getBoolean("fhir.golden.update") || !Files.exists(GOLDEN)) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, pretty, StandardCharsets.UTF_8);
        }
        assertThat(first.json()).as("the golden Bundle (-Dfhir.golden.update=true rewrites it)")
                .isEqualTo(Api.JSON.readTree(Files.readString(GOLDEN, StandardCharsets.UTF_8)));
        assertThat(first.body()).contains("urn:uuid:").doesNotContain(Api.T0.plus(Duration.ofHours(3)).toString());
    }

    // ---- audit, 403, 404 ---------------------------------------------------------------------------

    @Test
    void theExportIsAuditedAsAViewWithoutChangingTheReferral() {
        String id = UUID.randomUUID().toString();
        api.createWithIntake(id, vignette("V06"));
        long version = api.get(id).version();
        assertThat(export("carol.diaz", id).status()).isEqualTo(200);
        assertThat(api.audit(api.get(id))).anyMatch(e -> e.action() == AuditAction.FHIR_EXPORTED && e.actor().equals("carol.diaz"));
        assertThat(api.get(id).version()).isEqualTo(version);
    }

    @Test
    void theFhirRoutesAreForCoordinatorsOnlyAndAnUnknownReferralIs404() {
        Map<String, String> patient = Map.of("cognito:username", "eve", "cognito:groups", "[patients]");
        String id = UUID.randomUUID().toString();
        api.createWithIntake(id, vignette("V06"));
        Fhir refused = call(Api.event(TriageApiHandler.FHIR_BUNDLE, id, patient));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(call(Api.event(TriageApiHandler.FHIR_QUESTIONNAIRE, null, patient)).status()).isEqualTo(403);
        assertThat(api.audit(api.get(id))).noneMatch(e -> e.action() == AuditAction.FHIR_EXPORTED);
        for (String unknown : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            Fhir missing = export("alice.ng", unknown);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("type").asText()).isEqualTo("urn:spine-intake:problem:referral-not-found");
        }
    }
}
