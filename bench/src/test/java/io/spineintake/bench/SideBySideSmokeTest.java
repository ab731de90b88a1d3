package io.spineintake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness's smoke run (not a measurement: no timing is asserted): every function's packaged
 * jar, started in a fresh JVM as Lambda would, builds its handler and answers its request against
 * the local backends, and so does the naive program on the same jar. A jar missing a class its
 * request needs (the shade filters leave much out) fails here.
 */
class SideBySideSmokeTest {

    @Test
    void everyFunctionJarStartsAndAnswersAndSoDoesTheNaiveProgram() throws Exception {
        Map<String, List<SideBySide.Cold>> runs = SideBySide.smoke();

        assertThat(runs).containsOnlyKeys(SideBySide.FUNCTIONS);
        runs.forEach((function, sides) -> assertThat(sides).as(function).hasSize(2)
                .allSatisfy(c -> assertThat(c.totalWall()).isPositive()));
    }
}
