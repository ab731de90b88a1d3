package io.spineintake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness's smoke run (not a measurement: no timing is asserted): every function's packaged
 * jar, started in a fresh JVM as Lambda would, builds its handler and answers its request against
 * the local backends, and so does the naive program on the same jar. The jars are minimized (only
 * the classes their code reaches): a class missing from a jar, or a log4j plugin found by name
 * and left out, fails here.
 */
class SideBySideSmokeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, List<SideBySide.Cold>> runs;
    private static Map<String, SideBySide.Primed> primed;

    @BeforeAll
    static void run() throws Exception {
        SideBySide.Smoke smoke = SideBySide.smoke();
        runs = smoke.cold();
        primed = smoke.primed();
    }

    @Test
    void everyFunctionJarStartsAndAnswersAndSoDoesTheNaiveProgram() {
        assertThat(runs).containsOnlyKeys(SideBySide.SMOKED);
        runs.forEach((function, sides) -> assertThat(sides).as(function)
                .hasSize(SideBySide.FUNCTIONS.contains(function) ? 2 : 1)
                .allSatisfy(c -> assertThat(c.totalWall()).isPositive()));
    }

    /** Log4j's JSON layout and Powertools' keys are found by name: a jar that lost them would log plain text or nothing. */
    @Test
    void everyFunctionJarLogsPowertoolsJsonLines() {
        runs.forEach((function, sides) -> assertThat(jsonLines(sides.get(0).output())).as(function)
                .anySatisfy(line -> {
                    assertThat(line.path("level").asText()).isIn("INFO", "WARN");
                    assertThat(line.path("service").asText()).isEqualTo("spine-intake");
                    assertThat(line.path("function_request_id").asText()).isNotBlank();
                    assertThat(line.path("message").asText()).isNotBlank();
                }));
    }

    @Test
    void submitIntakesJarWritesItsMetricInEmbeddedMetricFormat() {
        assertThat(jsonLines(runs.get("submit-intake").get(0).output()))
                .anySatisfy(line -> {
                    assertThat(line.path("_aws").path("CloudWatchMetrics").path(0).path("Namespace").asText())
                            .isEqualTo("SpineIntake");
                    assertThat(line.path("IntakesAccepted").asDouble()).isEqualTo(1.0);
                });
    }

    /**
     * SnapStart's hook on each jar, as the snapshot runs it: its synthetic request is answered inside the JVM (at
     * least one AWS operation), and no priming failed: Priming logs a failure and goes on, so the log is checked.
     */
    @Test
    void everyFunctionJarPrimesWithoutAFailure() {
        assertThat(primed).containsOnlyKeys(SideBySide.PRIMED);
        primed.forEach((function, p) -> {
            assertThat(p.line()).as(function).matches("PRIMED \\w+Handler answered=\\[.+]");
            assertThat(p.output()).as(function).noneMatch(l -> l.contains("priming failed"));
        });
    }

    private static List<JsonNode> jsonLines(List<String> output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : output) {
            if (l.startsWith("{")) {
                try {
                    lines.add(JSON.readTree(l));
                } catch (Exception notJson) {
                    // a line that only looks like JSON is no evidence either way
                }
            }
        }
        return lines;
    }
}
