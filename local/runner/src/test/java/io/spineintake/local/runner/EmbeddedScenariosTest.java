package io.spineintake.local.runner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/** The end-to-end scenarios on the embedded backends (dynalite, ElasticMQ), in the normal build. */
@Timeout(180)
class EmbeddedScenariosTest extends EndToEndScenarios {
    static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start("--port", "0");
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Override
    String baseUrl() {
        return "http://127.0.0.1:" + runner.port();
    }
}
