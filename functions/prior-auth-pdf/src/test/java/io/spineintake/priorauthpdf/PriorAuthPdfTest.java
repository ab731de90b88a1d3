package io.spineintake.priorauthpdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.triage.assess.Evidence;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.priorauth.PriorAuthPacket;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /referrals/{id}/prior-auth/{region}/pdf through the real handler on dynalite: the PDF opens,
 * its text (PDFBox's own PDFTextStripper) holds every criterion with its status, the missing list
 * and the blocks, as the JSON route's packet has them; headers, the file name, audit, 403/404/422.
 */
@ExtendWith(LocalAwsExtension.class)
class PriorAuthPdfTest {
    static final ObjectMapper JSON = new ObjectMapper();
    Pdf pdf;

    @BeforeEach
    void setUp(LocalAws aws) {
        pdf = new Pdf(aws);
    }

    static String text(APIGatewayV2HTTPResponse r) throws IOException {
        assertThat(r.getIsBase64Encoded()).isTrue();
        byte[] bytes = Base64.getDecoder().decode(r.getBody());
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            // one line of text per line of the page, spaces normalised, for contains checks on wrapped text
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void thePdfOpensAndHoldsEveryCriterionWithItsStatusAsTheJsonPacketHasThem() throws IOException {
        String id = UUID.randomUUID().toString();
        pdf.withTwoBlocks(id);
        APIGatewayV2HTTPResponse r = pdf.call(Pdf.event(id, "lumbar", Pdf.coordinator("alice.ng")));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders()).containsEntry("Content-Type", "application/pdf")
                .containsEntry("Content-Disposition", "attachment; filename=\"prior-auth-lumbar-2026-11-27.pdf\"")
                .containsEntry("X-Content-Type-Options", "nosniff");
        String text = text(r);

        PriorAuthPacket packet = pdf.packets.packet(id, Region.LUMBAR, "test", AuditAction.PRIOR_AUTH_VIEWED).orElseThrow();
        assertThat(packet.criteria()).hasSize(4);
        for (PriorAuthPacket.Criterion c : packet.criteria()) {
            assertThat(text).contains(flat(c.number() + ". " + c.text() + ": " + c.status()));
            assertThat(text).contains(flat(c.explanation()));
            for (Evidence e : c.evidence()) {
                assertThat(text).contains(e.question() + " = " + e.answer());
            }
        }
        assertThat(packet.missing()).isNotEmpty();
        for (PriorAuthPacket.Missing m : packet.missing()) {
            assertThat(text).contains(flat(m.code() + ": " + m.text()));
        }
        for (PriorAuthPacket.Block b : packet.blocks()) {
            assertThat(text).contains(b.diagnosticBlock() + " block, " + b.date() + ": L4-L5, L5-S1, BOTH, " + b.anaesthetic());
            for (PriorAuthPacket.Verdict v : b.verdicts()) {
                assertThat(text).contains(v.standard() + " (>= " + v.thresholdPercent() + "%): " + v.result());
            }
        }
        assertThat(text).contains("DIAGNOSTIC: 2 of at most 4 sessions").contains("Physical therapy: DID_NOT_HELP, 8 weeks");
        assertThat(text).as("no patient identity in the packet").doesNotContain("Test Patient");
    }

    @Test
    void everyCriterionAndStatusIsInThePdfOfEveryVignette() throws IOException {
        for (int n = 1; n <= 18; n++) {
            String v = String.format("V%02d", n);
            String id = UUID.randomUUID().toString();
            pdf.referral(id, Pdf.vignette(v));
            PriorAuthPacket packet = pdf.packets.packet(id, Region.LUMBAR, "test", AuditAction.PRIOR_AUTH_VIEWED).orElseThrow();
            String text = text(pdf.call(Pdf.event(id, "LUMBAR", Pdf.coordinator("alice.ng"))));
            for (PriorAuthPacket.Criterion c : packet.criteria()) {
                assertThat(text).as(v).contains(flat(c.number() + ". " + c.text() + ": " + c.status()));
            }
            for (PriorAuthPacket.Missing m : packet.missing()) {
                assertThat(text).as(v).contains(m.code());
            }
        }
    }

    @Test
    void twoDownloadsOfOneDayAreTheSameBytes() {
        String id = UUID.randomUUID().toString();
        try {
            pdf.withTwoBlocks(id);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String first = pdf.call(Pdf.event(id, "lumbar", Pdf.coordinator("alice.ng"))).getBody();
        pdf.clock.advance(Duration.ofHours(3));
        assertThat(pdf.call(Pdf.event(id, "lumbar", Pdf.coordinator("bob.okafor"))).getBody()).isEqualTo(first);
    }

    @Test
    void theDownloadIsAuditedWithoutChangingTheReferral() throws IOException {
        String id = UUID.randomUUID().toString();
        pdf.referral(id, Pdf.vignette("V06"));
        long version = pdf.referrals.get(id).orElseThrow().version();
        assertThat(pdf.call(Pdf.event(id, "lumbar", Pdf.coordinator("carol.diaz"))).getStatusCode()).isEqualTo(200);
        ReferralRecord r = pdf.referrals.get(id).orElseThrow();
        assertThat(pdf.referrals.trail(r)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PRIOR_AUTH_PDF);
            assertThat(e.actor()).isEqualTo("carol.diaz");
            assertThat(e.note()).isEqualTo("LUMBAR");
        });
        assertThat(r.version()).isEqualTo(version);
    }

    @Test
    void coordinatorsOnlyUnknownReferral404UnknownRegion422() throws IOException {
        String id = UUID.randomUUID().toString();
        pdf.referral(id, Pdf.vignette("V06"));
        assertProblem(pdf.call(Pdf.event(id, "lumbar", Map.of("cognito:username", "eve", "cognito:groups", "[patients]"))),
                403, "urn:spine-intake:problem:not-a-coordinator");
        assertProblem(pdf.call(Pdf.event(id, "lumbar", null)), 403, "urn:spine-intake:problem:not-a-coordinator");
        for (String unknown : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            assertProblem(pdf.call(Pdf.event(unknown, "lumbar", Pdf.coordinator("alice.ng"))), 404,
                    "urn:spine-intake:problem:referral-not-found");
        }
        for (String region : List.of("sacral", "Lumbar", "", "0")) {
            JsonNode p = assertProblem(pdf.call(Pdf.event(id, region, Pdf.coordinator("alice.ng"))), 422,
                    "urn:spine-intake:problem:unknown-region");
            assertThat(p.path("errors").get(0).path("pointer").asText()).isEqualTo("/region");
        }
        ReferralRecord r = pdf.referrals.get(id).orElseThrow();
        assertThat(pdf.referrals.trail(r)).noneMatch(e -> e.action() == AuditAction.PRIOR_AUTH_PDF);
    }

    static JsonNode assertProblem(APIGatewayV2HTTPResponse r, int status, String type) throws IOException {
        assertThat(r.getStatusCode()).isEqualTo(status);
        assertThat(r.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode body = JSON.readTree(r.getBody());
        assertThat(body.path("type").asText()).isEqualTo(type);
        return body;
    }
}
