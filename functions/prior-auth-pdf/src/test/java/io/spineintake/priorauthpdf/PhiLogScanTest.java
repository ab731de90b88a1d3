package io.spineintake.priorauthpdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.local.backends.PhiProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after the module's other test classes (junit-platform.properties) and reads every log line
 * they caused: no value of the vignettes' patients, no criterion's evidence and no packet field may
 * appear; the handler's own lines must be there (so this cannot pass on an empty file).
 */
@Order(Integer.MAX_VALUE)
class PhiLogScanTest {

    @Test
    void noLogLineHoldsPatientDataOrAPacketsContent() throws IOException {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Path file = Paths.get(((FileAppender) context.getConfiguration().getAppender("TestLogFile")).getFileName());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        String route = PriorAuthPdfHandler.PDF;
        for (int status : new int[] {200, 403, 404, 422}) {
            assertThat(lines).as("%s answered %s", route, status).anyMatch(l -> l.contains(route + " answered " + status));
        }
        Set<String> probes = new LinkedHashSet<>(List.of("Test Patient V", "test.patient.v", "MOSTLY_AXIAL",
                "DID_NOT_HELP", "/findings/", "/treatments/", "/pain/", "%PDF", "JVBER"));
        ObjectMapper json = new ObjectMapper();
        JsonNode v01 = json.readTree(Pdf.vignette("V01"));
        v01.path("patient").forEach(v -> {
            if (v.isTextual() && v.asText().length() > 3) {
                probes.add(v.asText());
            }
        });
        List<String> keys = List.of("criteria", "evidence", "conservativeCare", "postBlock", "missing", "formJson");
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String p : probes) {
                if (PhiProbe.foundIn(lines.get(i), p)) {
                    leaks.add("line " + (i + 1) + ": [" + p + "]");
                }
            }
            for (String key : keys) {
                if (lines.get(i).contains("\"" + key + "\"")) {
                    leaks.add("line " + (i + 1) + ": key " + key);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
