package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.referrals.AuditAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /referrals/{id}/prior-auth/{region} through the real handler on dynalite: a golden packet of
 * V01 with two blocks (fixed clock, fixed ids: stable), the read audited without changing the
 * referral, 403, 404 and 422 problems.
 */
@ExtendWith(LocalAwsExtension.class)
class PriorAuthPacketTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "prior-auth", "V01-LUMBAR-packet.json");

    Api api;
    FhirExportTest blocks;

    @BeforeEach
    void setUp(LocalAws aws) {
        blocks = new FhirExportTest();
        blocks.setUp(aws);
        api = blocks.api;
    }

    static APIGatewayV2HTTPEvent event(String id, String region, Map<String, String> claims) {
        APIGatewayV2HTTPEvent e = Api.event(TriageApiHandler.PRIOR_AUTH, id, claims);
        Map<String, String> p = new HashMap<>(e.getPathParameters() == null ? Map.of() : e.getPathParameters());
        if (region != null) {
            p.put("region", region);
        }
        e.setPathParameters(p);
        e.setRawPath(e.getRawPath().replace("{region}", String.valueOf(region)));
        return e;
    }

    Api.Answer packet(String user, String id, String region) {
        return api.call(event(id, region, Api.coordinator(user)));
    }

    @Test
    void theGoldenPacketOfV01WithTwoBlocksIsStable() throws IOException {
        blocks.goldenReferral(FhirExportTest.GOLDEN_ID);
        Api.Answer first = packet("alice.ng", FhirExportTest.GOLDEN_ID, "lumbar");
        assertThat(first.status()).isEqualTo(200);
        api.clock.advance(Duration.ofHours(3));
        Api.Answer again = packet("bob.okafor", FhirExportTest.GOLDEN_ID, "LUMBAR");
        assertThat(again.body()).as("no time of the call, no caller in the packet").isEqualTo(first.body());
        String pretty = Api.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(first.body()) + "\n";
        if (Boolean.getBoolean("prior-auth.golden.update") || !Files.exists(GOLDEN)) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, pretty, StandardCharsets.UTF_8);
        }
        assertThat(first.body()).as("the golden packet (-Dprior-auth.golden.update=true rewrites it)")
                .isEqualTo(Api.JSON.readTree(Files.readString(GOLDEN, StandardCharsets.UTF_8)));
        JsonNode p = first.body();
        assertThat(p.path("criteria")).hasSize(4);
        assertThat(p.path("blocks")).hasSize(2);
        assertThat(p.path("blocks").get(0).path("verdicts")).hasSize(2);
        assertThat(p.path("frequency").path("counts").get(0).path("sessions").asInt()).isEqualTo(2);
        assertThat(p.path("codes")).isEmpty();
        assertThat(p.toString()).doesNotContain("Test Patient").doesNotContain("dateOfBirth");
    }

    @Test
    void missingFollowsWhatIsUnknownOrAbsent() {
        String id = UUID.randomUUID().toString();
        api.createWithIntake(id, FhirExportTest.vignette("V01"));
        JsonNode p = packet("alice.ng", id, "lumbar").body();
        List<String> unknown = new java.util.ArrayList<>();
        p.path("criteria").forEach(c -> {
            if (c.path("status").asText().equals("UNKNOWN")) {
                unknown.add(c.path("id").asText());
            }
        });
        List<String> missingCriteria = new java.util.ArrayList<>();
        List<String> codes = new java.util.ArrayList<>();
        p.path("missing").forEach(m -> {
            codes.add(m.path("code").asText());
            if (m.path("code").asText().equals("CRITERION_UNKNOWN")) {
                missingCriteria.add(m.path("ref").asText());
            }
        });
        assertThat(missingCriteria).isEqualTo(unknown);
        assertThat(codes).endsWith("NO_DIAGNOSTIC_BLOCK");
    }

    @Test
    void theReadIsAuditedAsAViewNamingTheRegionWithoutChangingTheReferral() {
        String id = UUID.randomUUID().toString();
        api.createWithIntake(id, FhirExportTest.vignette("V06"));
        long version = api.get(id).version();
        assertThat(packet("carol.diaz", id, "lumbar").status()).isEqualTo(200);
        assertThat(api.audit(api.get(id))).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PRIOR_AUTH_VIEWED);
            assertThat(e.actor()).isEqualTo("carol.diaz");
            assertThat(e.note()).isEqualTo("LUMBAR");
        });
        assertThat(api.get(id).version()).isEqualTo(version);
    }

    @Test
    void coordinatorsOnlyUnknownReferral404UnknownRegion422() {
        String id = UUID.randomUUID().toString();
        api.createWithIntake(id, FhirExportTest.vignette("V06"));
        Api.Answer refused = api.call(event(id, "lumbar", Map.of("cognito:username", "eve", "cognito:groups", "[patients]")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.type()).isEqualTo(ApiProblem.NOT_A_COORDINATOR);
        assertThat(api.audit(api.get(id))).noneMatch(e -> e.action() == AuditAction.PRIOR_AUTH_VIEWED);
        for (String unknown : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            Api.Answer missing = packet("alice.ng", unknown, "lumbar");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.type()).isEqualTo(ApiProblem.REFERRAL_NOT_FOUND);
        }
        for (String region : List.of("sacral", "Lumbar", "", "lumbar ", "0")) {
            Api.Answer bad = packet("alice.ng", id, region);
            assertThat(bad.status()).as(region).isEqualTo(422);
            assertThat(bad.type()).isEqualTo("urn:spine-intake:problem:unknown-region");
            assertThat(bad.pointers()).containsExactly("/region");
        }
        assertThat(api.audit(api.get(id))).noneMatch(e -> e.action() == AuditAction.PRIOR_AUTH_VIEWED);
    }
}
