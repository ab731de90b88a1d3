package io.spineintake.submit;

import io.spineintake.triage.TestForms;

import io.spineintake.triage.assess.Disposition;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.RoutingState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample events in events/submit-intake (for {@code sam local invoke}), loaded with
 * aws-lambda-java-tests' EventLoader and run through the real handler against dynalite: each
 * answers what events/README.md says it does.
 */
@ExtendWith(LocalAwsExtension.class)
class SampleEventsTest {

    static final String PLAIN = "post-intake.json";
    static final String BASE64 = "post-intake-base64.json";
    static final String EMERGENCY = "post-intake-emergency.json";
    static final String INVALID = "post-intake-invalid.json";
    /** Every file in events/submit-intake and the status it answers (a new file must be added here). */
    static final Map<String, Integer> EXPECTED_STATUS = Map.of(PLAIN, 201, BASE64, 201, EMERGENCY, 201, INVALID, 422);

    static SubmitIntakeHandler handler;

    @BeforeAll
    static void wire(LocalAws aws) {
        handler = Intakes.handler(aws);
    }

    static Path file(String name) {
        return Fixtures.eventsDir().resolve(name);
    }

    static APIGatewayV2HTTPEvent load(String name) {
        return EventLoader.loadApiGatewayHttpEvent(file(name).toString());
    }

    static JsonNode raw(String name) {
        try {
            return TestForms.tree(Files.readString(file(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> eventFiles() {
        return EXPECTED_STATUS.keySet().stream().sorted();
    }

    @Test
    void theFolderHoldsExactlyTheDocumentedEvents() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.eventsDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(EXPECTED_STATUS.keySet());
        }
        String readme = Files.readString(Fixtures.eventsDir().resolveSibling("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("sam local invoke SubmitIntakeFunction -e events/submit-intake/post-intake.json");
        EXPECTED_STATUS.forEach((name, status) -> assertThat(readme).contains(name).contains(Integer.toString(status)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventFiles")
    void eventHasTheShapeApiGatewaySendsForAnHttpApiPayload20Request(String name) {
        JsonNode event = raw(name);

        assertThat(event.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(
                "version", "routeKey", "rawPath", "rawQueryString", "headers", "requestContext", "body", "isBase64Encoded");
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("POST /intakes");
        assertThat(event.path("rawPath").asText()).isEqualTo("/intakes");
        assertThat(event.path("rawQueryString").isTextual()).isTrue();
        assertThat(event.path("rawQueryString").asText()).isEmpty();
        assertThat(event.path("isBase64Encoded").isBoolean()).isTrue();
        event.path("headers").fieldNames().forEachRemaining(h -> assertThat(h).isEqualTo(h.toLowerCase(Locale.ROOT)));
        assertThat(event.path("headers").path("content-type").asText()).isEqualTo("application/json");

        JsonNode context = event.path("requestContext");
        for (String field : List.of("accountId", "apiId", "domainName", "requestId", "routeKey", "stage", "time")) {
            assertThat(context.path(field).isTextual()).as(field).isTrue();
        }
        assertThat(context.path("routeKey").asText()).isEqualTo("POST /intakes");
        assertThat(context.path("stage").asText()).isEqualTo("$default");
        assertThat(context.path("timeEpoch").isIntegralNumber()).isTrue();
        JsonNode http = context.path("http");
        assertThat(http.path("method").asText()).isEqualTo("POST");
        assertThat(http.path("path").asText()).isEqualTo("/intakes");
        assertThat(http.path("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(http.path("sourceIp").asText()).isNotBlank();
        assertThat(http.path("userAgent").asText()).isEqualTo(event.path("headers").path("user-agent").asText());

        byte[] body = bodyBytes(event);
        assertThat(event.path("headers").path("content-length").asText()).isEqualTo(Integer.toString(body.length));
        // obviously fake personal data
        JsonNode patient = TestForms.tree(new String(body, StandardCharsets.UTF_8)).path("patient");
        assertThat(patient.path("email").asText()).endsWith("@example.com");
        assertThat(patient.path("phone").asText()).startsWith("+1 555 01");
        assertThat(patient.path("postcode").asText()).startsWith("ZZ9");
    }

    @Test
    void atLeastOneEventCarriesAnIdempotencyKeyAndTheBase64EventIsThePlainFormEncoded() {
        assertThat(raw(PLAIN).path("headers").path("idempotency-key").asText()).isNotBlank();
        assertThat(raw(BASE64).path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(bodyBytes(raw(BASE64))).isEqualTo(raw(PLAIN).path("body").asText().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eventLoaderReadsEveryFieldTheHandlerUses() {
        APIGatewayV2HTTPEvent event = load(PLAIN);

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /intakes");
        assertThat(event.getHeaders()).containsEntry("content-type", "application/json").containsKey("idempotency-key");
        assertThat(event.getRequestContext().getRequestId()).isEqualTo(raw(PLAIN).path("requestContext").path("requestId").asText());
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getBody()).isEqualTo(raw(PLAIN).path("body").asText());
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(load(BASE64).getIsBase64Encoded()).isTrue();
    }

    @Test
    void postIntakeIsStoredAsAConsultAndItsRetryIsReplayed(LocalAws aws) {
        APIGatewayV2HTTPEvent event = load(PLAIN);
        String key = event.getHeaders().get("idempotency-key");
        // another test of this class may have sent the file already: then the first answer here is a replay too
        boolean sentBefore = Intakes.repository(aws).get(IntakeSubmission.intakeIdForKey(key)).isPresent();

        Answer first = Post.send(handler, event);
        String id = first.assertReceipt("CONSULT_TEAM_WILL_CONTACT");
        Answer retry = Post.send(handler, load(PLAIN));

        assertThat(id).isEqualTo(IntakeSubmission.intakeIdForKey(key));
        assertThat(first.replayed()).isEqualTo(sentBefore);
        IntakeRecord stored = Intakes.repository(aws).get(id).orElseThrow();
        assertThat(stored.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(stored.routingState()).as("routed to the consult queue at once").isEqualTo(RoutingState.ROUTED);
        assertThat(stored.formJson()).isEqualTo(Fixtures.canonical(bodyBytes(raw(PLAIN))));
        assertThat(stored.responseJson()).isEqualTo(first.body());

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void postIntakeBase64IsDecodedAndStoredAsTheSameForm(LocalAws aws) {
        Answer answer = Post.send(handler, load(BASE64));

        String id = answer.assertReceipt("CONSULT_TEAM_WILL_CONTACT");
        IntakeRecord stored = Intakes.repository(aws).get(id).orElseThrow();
        assertThat(stored.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(stored.formJson()).isEqualTo(Fixtures.canonical(bodyBytes(raw(PLAIN))));
        assertThat(stored.requestHash()).isEqualTo(IntakeSubmission.sha256Hex(bodyBytes(raw(BASE64))));
    }

    @Test
    void postIntakeEmergencyIsStoredAsAnEmergencyAndTellsThePatientToSeekCareNow(LocalAws aws) {
        Answer answer = Post.send(handler, load(EMERGENCY));

        String id = answer.assertReceipt("SEEK_EMERGENCY_CARE_NOW");
        IntakeRecord stored = Intakes.repository(aws).get(id).orElseThrow();
        assertThat(stored.disposition()).isEqualTo(Disposition.EMERGENCY);
        assertThat(stored.patientMessage()).isEqualTo(io.spineintake.triage.assess.PatientMessage.SEEK_EMERGENCY_CARE_NOW);
        assertThat(stored.routingState()).as("routed to the consult queue at once").isEqualTo(RoutingState.ROUTED);
        assertThat(stored.pendingShard()).as("out of the pending index").isNull();
    }

    @Test
    void postIntakeInvalidIsRefusedWith422NamingTheFieldsAndStoresNothing(LocalAws aws) {
        int before = Intakes.count(aws);

        Answer answer = Post.send(handler, load(INVALID));

        answer.assertProblem(422);
        assertThat(answer.problemType()).isEqualTo(IntakeSubmission.INVALID_FORM);
        assertThat(answer.errors()).containsExactly("/consent: is required", "/pain/nrs/now: must be at most 10");
        assertThat(Intakes.count(aws)).isEqualTo(before);
        String key = load(INVALID).getHeaders().get("idempotency-key");
        assertThat(Intakes.repository(aws).get(IntakeSubmission.intakeIdForKey(key))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventFiles")
    void eventAnswersItsDocumentedStatus(String name) {
        assertThat(Post.send(handler, load(name)).status()).isEqualTo(EXPECTED_STATUS.get(name));
    }

    static byte[] bodyBytes(JsonNode event) {
        String body = event.path("body").asText();
        return event.path("isBase64Encoded").asBoolean()
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
    }
}
