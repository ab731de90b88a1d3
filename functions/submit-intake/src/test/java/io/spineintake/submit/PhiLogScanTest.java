package io.spineintake.submit;

import io.spineintake.local.backends.PhiProbe;
import io.spineintake.platform.Priming;
import io.spineintake.triage.TestForms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * {@link Order}) and reads the log file they all wrote (log4j2-test.xml: every line, production
 * layout). No personal value of any form the tests sent may appear in it, nor any piece of a form.
 *
 * <p>It cannot pass vacuously: the file must hold the handler's own lines, with intake_id and the
 * request ids.
 */
@Order(Integer.MAX_VALUE)
class PhiLogScanTest {

    static final String APPENDER = "TestLogFile";

    /** Property names of the intake form (and of a stored item or event): none may show up as a JSON key. */
    static final List<String> FORM_KEYS = List.of("patient", "dateOfBirth", "phone", "email", "postcode",
            "preferredContact", "consent", "dataProcessing", "regions", "mainRegion", "nrs", "peg", "saddleNumbness",
            "bladderOrBowelChange", "treatments", "findings", "notes", "formJson", "responseJson", "assessmentJson",
            "requestHash", "nextSteps", "isBase64Encoded", "rawPath", "body");

    static Path logFile;
    static List<String> lines;
    /** The metric lines (embedded metric format) the handlers printed, as CloudWatch Logs would keep them. */
    static List<String> metricLines;

    @BeforeAll
    static void readTheLog() throws IOException {
        logFile = logFile();
        assertThat(logFile.toString().replace('\\', '/')).endsWith("target/test-logs/submit-intake.log");
        assertThat(logFile).exists();
        lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        metricLines = Files.readAllLines(io.spineintake.local.backends.MetricsLog.FILE, StandardCharsets.UTF_8);
    }

    @Test
    void metricLinesCountIntakesByDispositionAndHoldNoPatientValue() {
        List<JsonNode> metrics = metricLines.stream().map(PhiLogScanTest::parse).toList();
        assertThat(metrics).as("IntakesAccepted lines").anySatisfy(m -> {
            assertThat(m.path("IntakesAccepted").asDouble()).isEqualTo(1.0);
            assertThat(m.path("Disposition").asText()).isNotBlank();
        });
        List<Probe> probes = new ArrayList<>();
        knownPatientValues().forEach((value, source) -> variants(value).forEach(v -> probes.add(Probe.of(v, source))));
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < metricLines.size(); i++) {
            for (Probe probe : probes) {
                if (probe.foundIn(metricLines.get(i))) {
                    leaks.add("metric line " + (i + 1) + ": a value from " + probe.source() + " [" + probe.text() + "]");
                }
            }
            for (String key : FORM_KEYS) {
                if (metricLines.get(i).contains("\"" + key + "\"")) {
                    leaks.add("metric line " + (i + 1) + ": " + key);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** The file log4j2-test.xml's file appender writes (asked of log4j, so it is the one in use). */
    static Path logFile() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Appender appender = context.getConfiguration().getAppender(APPENDER);
        assertThat(appender).as("log4j2-test.xml's file appender is in use").isInstanceOf(FileAppender.class);
        return Paths.get(((FileAppender) appender).getFileName()).toAbsolutePath();
    }

    @Test
    void theLogHoldsTheHandlersLinesWithIntakeAndRequestIds() {
        assertThat(lines).as("lines in %s", logFile).isNotEmpty();
        List<JsonNode> events = lines.stream().map(PhiLogScanTest::parse).toList();

        List<JsonNode> stored = events.stream()
                .filter(e -> e.path("message").asText().equals("POST /intakes answered 201"))
                // SnapStart priming's own request (SubmitIntakePrimingTest): a synthetic form, its own ids
                .filter(e -> !e.path("function_request_id").asText().equals(Priming.REQUEST_ID))
                .toList();
        assertThat(stored).as("the handler's 201 lines").isNotEmpty();
        for (JsonNode e : stored) {
            assertThat(e.path("intake_id").asText()).matches(Answer.UUID_PATTERN);
            assertThat(e.path("function_request_id").asText()).isNotBlank();
            assertThat(e.path("correlation_id").asText()).isNotBlank();
            assertThat(e.path("function_name").asText()).isEqualTo(Intakes.FUNCTION_NAME);
            assertThat(e.path("level").asText()).isEqualTo("INFO");
        }
        assertThat(events).as("the handler's refusals")
                .anySatisfy(e -> assertThat(e.path("message").asText()).startsWith("intake refused: "));
        assertThat(events).as("the handler's other answers")
                .anySatisfy(e -> assertThat(e.path("message").asText()).matches("POST /intakes answered 4\\d\\d"));
    }

    @Test
    void noLineHoldsAPatientValue() {
        Map<String, String> values = knownPatientValues();
        assertThat(values).as("values to look for").hasSizeGreaterThan(50);
        List<Probe> probes = new ArrayList<>();
        values.forEach((value, source) -> variants(value).forEach(v -> probes.add(Probe.of(v, source))));

        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (Probe probe : probes) {
                if (probe.foundIn(line)) {
                    // name the value's source and the line number, not the line (it may be long)
                    leaks.add("line " + (i + 1) + ": a value from " + probe.source() + " [" + probe.text() + "]");
                }
            }
        }
        assertThat(leaks).as("patient values in %s", logFile).isEmpty();
    }

    @Test
    void noLineHoldsAPieceOfAForm() {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (String key : FORM_KEYS) {
                // as a key written by the layout ("key") or inside a logged JSON string (\"key\")
                if (line.contains("\"" + key + "\"") || line.contains("\\\"" + key + "\\\"")) {
                    found.add("line " + (i + 1) + ": " + key);
                }
            }
        }
        assertThat(found).as("form fragments in %s", logFile).isEmpty();
    }

    /** Every line is one JSON object (the production layout), so nothing slipped out unformatted. */
    @Test
    void everyLineIsOneJsonObject() {
        for (String line : lines) {
            assertThat(parse(line).isObject()).isTrue();
        }
    }

    static JsonNode parse(String line) {
        try {
            return TestForms.PLAIN.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON log line (length " + line.length() + ")", e);
        }
    }

    /**
     * Personal values of every form the tests send, each with where it comes from: the event files,
     * the reference vignettes and the typical form, and {@link TestForms#distinctiveValues()}.
     */
    static Map<String, String> knownPatientValues() {
        Map<String, String> values = new LinkedHashMap<>();
        try (Stream<Path> events = Files.list(Fixtures.eventsDir())) {
            for (Path file : events.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode event = Fixtures.read(file);
                String body = event.path("body").asText();
                String form = event.path("isBase64Encoded").asBoolean()
                        ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
                Fixtures.personalValues(TestForms.tree(form)).forEach(v -> values.putIfAbsent(v, "events/" + file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 1; i <= 12; i++) {
            String id = String.format("V%02d", i);
            Fixtures.personalValues(Fixtures.vignette(id)).forEach(v -> values.putIfAbsent(v, "vignette " + id));
        }
        Fixtures.personalValues(Fixtures.read(Fixtures.triageFixtures().resolve("forms/typical.json")))
                .forEach(v -> values.putIfAbsent(v, "forms/typical.json"));
        Fixtures.distinctiveValues().forEach(v -> values.putIfAbsent(v, "TestForms"));
        return values;
    }

    private static final ObjectMapper ASCII_ESCAPING = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** The value as is, and as it would appear inside a JSON string (escaped; non-ASCII escaped too). */
    static Set<String> variants(String value) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(value);
        variants.add(jsonEscaped(TestForms.PLAIN, value));
        variants.add(jsonEscaped(ASCII_ESCAPING, value));
        return variants;
    }

    private static String jsonEscaped(ObjectMapper mapper, String value) {
        try {
            String quoted = mapper.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One value to look for, and where it came from; matched by {@link PhiProbe}'s rule. */
    record Probe(String text, String source) {
        static Probe of(String text, String source) {
            return new Probe(text, source);
        }

        boolean foundIn(String line) {
            return PhiProbe.foundIn(line, text);
        }
    }
}
