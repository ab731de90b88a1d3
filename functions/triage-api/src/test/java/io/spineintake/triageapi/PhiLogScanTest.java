package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.local.backends.PhiProbe;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class of this module (junit-platform.properties orders classes by
 * {@link Order}) and reads the log file they all wrote (log4j2-test.xml). No value of the test form,
 * no note or override reason, no piece of a form or decision may appear in it. It cannot pass
 * vacuously: the handler's own lines, with referral and request ids, must be there.
 */
@Order(Integer.MAX_VALUE)
class PhiLogScanTest {
    /** Phrases of the notes and reasons the tests send. */
    static final List<String> NOTE_PHRASES = List.of("ConfidentialNoteMarker", "facet clinic", "Night pain mentioned",
            "Only six weeks", "Inflammatory picture", "Worse at night", "Ask for the MRI report", "Physio not yet tried",
            "Pain clinic referral", "MRI shows more", "MRI received", "prefers mornings", "Sample note", "Sample reason");
    /** JSON keys of a form or a decision: none may show up in a log line. */
    static final List<String> KEYS = List.of("patient", "dateOfBirth", "phone", "email", "postcode", "formJson",
            "assessmentJson", "note", "reason", "form", "assessment", "audit", "body",
            // a prior-authorization packet (PriorAuthPacketTest): never in a log line
            "criteria", "evidence", "conservativeCare", "postBlock",
            // a FHIR resource (FhirExportTest): never in a log line
            "resourceType", "valueCoding", "answer");

    static List<String> lines;

    @BeforeAll
    static void readTheLog() throws IOException {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Appender appender = context.getConfiguration().getAppender("TestLogFile");
        assertThat(appender).as("log4j2-test.xml's file appender is in use").isInstanceOf(FileAppender.class);
        Path file = Paths.get(((FileAppender) appender).getFileName());
        assertThat(file.toString().replace('\\', '/')).endsWith("target/test-logs/triage-api.log");
        lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        // and the metric lines (embedded metric format), as CloudWatch Logs keeps them beside the log lines
        metricLines = Files.readAllLines(io.spineintake.local.backends.MetricsLog.FILE, StandardCharsets.UTF_8);
        lines.addAll(metricLines);
    }

    static List<String> metricLines;

    @Test
    void timeToClaimAndToDecisionAreMeasuredPerBand() {
        List<JsonNode> metrics = metricLines.stream().map(PhiLogScanTest::parse).toList();
        for (String name : List.of("TimeToClaim", "TimeToDecision")) {
            assertThat(metrics).as(name).anySatisfy(m -> {
                assertThat(m.path(name).isNumber()).isTrue();
                assertThat(m.path(name).asDouble()).isGreaterThanOrEqualTo(0.0);
                assertThat(m.path("Band").asText()).isNotBlank();
                assertThat(m.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Seconds");
            });
        }
    }

    @Test
    void theHandlerLogsRouteStatusAndIds() {
        List<JsonNode> events = lines.stream().map(PhiLogScanTest::parse).toList();
        for (String route : TriageApiHandler.ROUTES) {
            assertThat(events).as("lines of %s", route)
                    .anySatisfy(e -> assertThat(e.path("message").asText()).startsWith(route + " answered "));
        }
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("message").asText()).isEqualTo("POST /referrals/{id}/decision answered 200");
            assertThat(e.path("referral_id").asText()).matches(WorklistCursor.UUID.pattern());
            assertThat(e.path("correlation_id").asText()).isNotBlank();
            assertThat(e.path("function_request_id").asText()).isNotBlank();
        });
    }

    @Test
    void noLineHoldsAPatientValueOrANote() throws IOException {
        Set<String> probes = new LinkedHashSet<>(NOTE_PHRASES);
        JsonNode form = Api.JSON.readTree(Api.formBytes());
        form.path("patient").forEach(v -> {
            if (v.isTextual() && v.asText().length() > 3) {
                probes.add(v.asText());
            }
        });
        probes.add(form.path("notes").asText());
        probes.add("Zebrafield");
        // the vignettes FhirExportTest exports: their patients' names and email addresses
        probes.add("Test Patient V");
        probes.add("test.patient.v");
        // the diary links BlocksTest was issued: a capability is never logged
        assertThat(BlocksTest.ISSUED_TOKENS).isNotEmpty();
        probes.addAll(BlocksTest.ISSUED_TOKENS);
        try (Stream<Path> files = Files.list(SampleEventsTest.eventsDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode body = Api.JSON.readTree(Api.JSON.readTree(f.toFile()).path("body").asText("{}"));
                body.path("note").asText("").lines().forEach(probes::add);
                body.path("reason").asText("").lines().forEach(probes::add);
            }
        }
        probes.remove("");
        assertThat(probes).hasSizeGreaterThan(15);
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String p : probes) {
                if (PhiProbe.foundIn(lines.get(i), p)) {
                    leaks.add("line " + (i + 1) + ": [" + p + "]");
                }
            }
            for (String key : KEYS) {
                if (lines.get(i).contains("\"" + key + "\"") || lines.get(i).contains("\\\"" + key + "\\\"")) {
                    leaks.add("line " + (i + 1) + ": key " + key);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void everyLineIsOneJsonObject() {
        assertThat(lines).isNotEmpty();
        lines.forEach(l -> assertThat(parse(l).isObject()).isTrue());
    }

    static JsonNode parse(String line) {
        try {
            return Api.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON log line (length " + line.length() + ")", e);
        }
    }
}
