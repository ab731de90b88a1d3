package io.spineintake.priorauthpdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.local.backends.RepoRoot;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** events/prior-auth-pdf/get-pdf.json as Lambda's runtime would read it: 404 without its referral, the PDF with it. */
@ExtendWith(LocalAwsExtension.class)
class SampleEventsTest {
    static final String ID = "3f1c9a52-7d4e-4b8a-9e21-5c6d7e8f9a01";

    @Test
    void theSampleEventGets404ThenThePdf(LocalAws aws) throws IOException {
        Pdf pdf = new Pdf(aws);
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(
                RepoRoot.find().resolve("events/prior-auth-pdf/get-pdf.json").toString());
        APIGatewayV2HTTPResponse missing = pdf.handler.handleRequest(event, LambdaContext.invocation("PriorAuthPdfFunction", 29));
        assertThat(missing.getStatusCode()).isEqualTo(404);
        pdf.referral(ID, Pdf.vignette("V06"));
        APIGatewayV2HTTPResponse ok = pdf.handler.handleRequest(event, LambdaContext.invocation("PriorAuthPdfFunction", 29));
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(ok.getHeaders()).containsEntry("Content-Type", "application/pdf");
        assertThat(ok.getIsBase64Encoded()).isTrue();
    }
}
