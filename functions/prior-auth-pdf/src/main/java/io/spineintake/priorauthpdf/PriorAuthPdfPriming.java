package io.spineintake.priorauthpdf;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.platform.Priming;
import io.spineintake.platform.http.CoordinatorClaims;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.priorauth.PacketAssembly;
import io.spineintake.triage.priorauth.ProcedureCodes;
import io.spineintake.triage.rules.BlockRuleFile;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming of the PDF route ({@link Priming}): GET .../prior-auth/lumbar/pdf for a synthetic
 * coordinator and a referral id that names nothing, offline: the referral is looked up, not found,
 * and refused (404). Then a packet with no data (every criterion UNKNOWN, no block) is rendered, so
 * PDFBox, its fonts' metrics and the writer are loaded and run. Nothing reaches a table.
 */
final class PriorAuthPdfPriming {
    static final String NO_REFERRAL = "00000000-0000-4000-8000-000000000000";

    private PriorAuthPdfPriming() {
    }

    static APIGatewayV2HTTPResponse prime(PriorAuthPdfHandler handler) {
        APIGatewayV2HTTPResponse answer = Priming.offline(() -> {
            APIGatewayV2HTTPEvent event = Priming.httpEvent(PriorAuthPdfHandler.PDF, Map.of("accept", "application/pdf"),
                    null, null, Map.of("sub", NO_REFERRAL, "cognito:username", Priming.REQUEST_ID,
                            "cognito:groups", "[" + CoordinatorClaims.GROUP + "]", "token_use", "access"));
            event.setPathParameters(new HashMap<>(Map.of("id", NO_REFERRAL, "region", "lumbar")));
            return handler.handleRequest(event, Priming.context());
        });
        PriorAuthPdfHandler.pdf(PacketAssembly.assemble(new PacketAssembly.Input(NO_REFERRAL, Region.LUMBAR, null, null,
                List.of(), null, List.of(), List.of(), LocalDate.of(2026, 1, 1), ZoneOffset.UTC, BlockRuleFile.bundled(),
                ProcedureCodes.NONE)));
        return answer;
    }
}
