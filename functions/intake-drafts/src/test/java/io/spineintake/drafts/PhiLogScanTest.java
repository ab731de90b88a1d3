package io.spineintake.drafts;

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
 * they caused: no resume code (with or without its hyphen), date of birth, name or answer that a
 * test sent or received may appear, and the lines must be the handler's own (so this cannot pass
 * on an empty file).
 */
@Order(Integer.MAX_VALUE)
class PhiLogScanTest {

    @Test
    void noLogLineHoldsACodeADateOfBirthOrAnAnswer() throws IOException {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Path file = Paths.get(((FileAppender) context.getConfiguration().getAppender("TestLogFile")).getFileName());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        assertThat(lines).anyMatch(l -> l.contains("POST /intake-drafts answered 201"));
        assertThat(lines).anyMatch(l -> l.contains("POST /intake-drafts/resume answered 200"));
        assertThat(lines).anyMatch(l -> l.contains("POST /intake-drafts/resume answered 423"));
        assertThat(lines).anyMatch(l -> l.contains("draft request refused: urn:spine-intake:problem:draft-not-found"));
        assertThat(DraftRequests.SENT_VALUES).as("values the tests sent").hasSizeGreaterThan(10);

        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String value : DraftRequests.SENT_VALUES) {
                if (lines.get(i).contains(value)) {
                    leaks.add("line " + (i + 1) + " holds a value a test sent (" + value.length() + " characters)");
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
