package io.spineintake.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after the module's other test classes (junit-platform.properties) and reads every log line
 * they caused: no diary capability (nor its hash's source), name, date of birth or contact of the
 * fixture may appear, and the lines must be the handler's own (so this cannot pass on an empty file).
 */
@Order(Integer.MAX_VALUE)
class PhiLogScanTest {

    @Test
    void noLogLineHoldsACapabilityOrPatientData() throws IOException {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Path file = Paths.get(((FileAppender) context.getConfiguration().getAppender("TestLogFile")).getFileName());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        assertThat(lines).anyMatch(l -> l.contains("GET /diary answered 200"));
        assertThat(lines).anyMatch(l -> l.contains("POST /diary/entries answered 201"));
        assertThat(lines).anyMatch(l -> l.contains("GET /diary answered 401"));
        assertThat(lines).anyMatch(l -> l.contains("GET /diary answered 410"));
        assertThat(lines).anyMatch(l -> l.contains("diary entry refused: urn:spine-intake:problem:invalid-diary-entry"));
        assertThat(Diary.SENT_VALUES).as("capabilities and values the tests sent").hasSizeGreaterThan(10);

        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String value : Diary.SENT_VALUES) {
                if (lines.get(i).contains(value)) {
                    leaks.add("line " + (i + 1) + " holds a value a test sent (" + value.length() + " characters)");
                }
            }
            if (lines.get(i).contains("Diary ")) {
                leaks.add("line " + (i + 1) + " holds an Authorization header's scheme");
            }
        }
        assertThat(leaks).isEmpty();
    }
}
