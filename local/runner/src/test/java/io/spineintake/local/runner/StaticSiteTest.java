package io.spineintake.local.runner;

import static io.spineintake.local.backends.template.Template.map;
import static io.spineintake.local.backends.template.Template.properties;
import static io.spineintake.local.backends.template.Template.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.local.backends.RepoRoot;
import io.spineintake.local.backends.template.CfnYaml;
import io.spineintake.local.backends.template.Template;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner serves the web form as CloudFront does: the template's security headers, gzip, nothing outside the site. */
class StaticSiteTest {

    @Test
    void theLocalHeadersAreTheTemplatesResponseHeadersPolicy() throws IOException {
        Template template = new Template(CfnYaml.load(RepoRoot.find().resolve("template.yaml")));
        Map<String, Object> headers = map(map(properties(template.resource("SiteSecurityHeaders"))
                .get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig"));
        String csp = text(map(headers.get("ContentSecurityPolicy")).get("ContentSecurityPolicy"));
        // in AWS the API and the Hosted UI's token endpoint have their own origins, which connect-src adds; everything else is the same
        assertThat(csp.replace(" https://*.execute-api.${AWS::Region}.amazonaws.com https://*.auth.${AWS::Region}.amazoncognito.com", ""))
                .isEqualTo(StaticSite.SECURITY_HEADERS.get("Content-Security-Policy"));
        Map<String, Object> hsts = map(headers.get("StrictTransportSecurity"));
        assertThat(StaticSite.SECURITY_HEADERS.get("Strict-Transport-Security"))
                .isEqualTo("max-age=" + hsts.get("AccessControlMaxAgeSec") + "; includeSubDomains; preload");
        assertThat(StaticSite.SECURITY_HEADERS.get("Referrer-Policy")).isEqualTo(map(headers.get("ReferrerPolicy")).get("ReferrerPolicy"));
        assertThat(StaticSite.SECURITY_HEADERS.get("X-Frame-Options")).isEqualTo(map(headers.get("FrameOptions")).get("FrameOption"));
    }

    @Test
    void servesTheSiteCompressedWithItsHeadersAndNothingOutsideIt(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>form</title>" + "x".repeat(2000));
        Files.writeString(dir.resolve("secret.txt"), "outside the site");
        try (LocalRunner runner = LocalRunner.start("--port", "0", "--site", site.toString())) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + runner.port();
            HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(base + "/"))
                    .header("accept-encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-encoding")).contains("gzip");
            assertThat(page.body().length).isLessThan(500);
            StaticSite.SECURITY_HEADERS.forEach((name, value) -> assertThat(page.headers().firstValue(name)).as(name).contains(value));
            for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/nothing-here.js"}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(404);
                assertThat(r.body()).doesNotContain("outside the site");
            }
            // the patient's diary page is a folder's page at /diary/; /diary itself stays the API's route
            Files.createDirectories(site.resolve("diary"));
            Files.writeString(site.resolve("diary/index.html"), "<!doctype html><title>diary</title>");
            HttpResponse<String> diaryPage = http.send(HttpRequest.newBuilder(URI.create(base + "/diary/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(diaryPage.statusCode()).isEqualTo(200);
            assertThat(diaryPage.body()).contains("<title>diary</title>");
            assertThat(diaryPage.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
            HttpResponse<String> diaryApi = http.send(HttpRequest.newBuilder(URI.create(base + "/diary")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(diaryApi.statusCode()).as("GET /diary is the API's, never the page's redirect").isEqualTo(401);
            assertThat(diaryApi.headers().firstValue("www-authenticate")).contains("Diary");
            // the API still answers on the same origin
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/intakes"))
                    .header("content-type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(415);
        }
    }
}
