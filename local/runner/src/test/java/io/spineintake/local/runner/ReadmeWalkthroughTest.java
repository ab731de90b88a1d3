package io.spineintake.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.local.backends.RepoRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the README's five-minute walkthrough as written (its sh blocks, with bash and curl) against
 * a seeded runner, twice: each run submits a new intake (a fresh Idempotency-Key, not a replay) and
 * books a routine consult, never the emergency at the top of the list.
 */
@Timeout(240)
class ReadmeWalkthroughTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static LocalRunner runner;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start("--port", "0");
        base = "http://127.0.0.1:" + runner.port();
        assertThat(LocalRunner.seed(base)).isGreaterThanOrEqualTo(12);
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    static String walkthrough() throws Exception {
        String readme = Files.readString(RepoRoot.find().resolve("README.md"));
        String section = readme.substring(readme.indexOf("### A five-minute walkthrough"),
                readme.indexOf("Every route, parameter and error is in"));
        StringBuilder script = new StringBuilder();
        Matcher blocks = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
        }
        assertThat(script).as("the walkthrough's commands").contains("curl").contains("/decision");
        return script.toString().replace("http://127.0.0.1:3000", base);
    }

    static String run(String script) throws Exception {
        Process bash = new ProcessBuilder("bash", "-eu", "-o", "pipefail", "-c", script)
                .directory(RepoRoot.find().toFile()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        return out;
    }

    /** The JSON objects the commands printed (curl -s prints bodies without a newline, so several share a line). */
    static List<JsonNode> answers(String out) throws java.io.IOException {
        List<JsonNode> answers = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"' && depth > 0) {
                inString = true;
            } else if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}' && depth > 0 && --depth == 0) {
                answers.add(JSON.readTree(out.substring(start, i + 1)));
            }
        }
        return answers;
    }

    @Test
    void theWalkthroughWorksAsWrittenAndCanBeRunAgain() throws Exception {
        waitForAConsultReferral();
        String script = walkthrough();
        List<String> intakes = new ArrayList<>();
        List<String> decided = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            String out = run(script);
            List<JsonNode> answers = answers(out);
            JsonNode receipt = answers.stream().filter(a -> a.has("intakeId") && a.has("nextSteps")).findFirst().orElseThrow();
            intakes.add(receipt.path("intakeId").asText());
            assertThat(out).contains("401");
            JsonNode decision = answers.stream().filter(a -> a.has("outcome") && !a.path("outcome").isNull())
                    .findFirst().orElseThrow(() -> new AssertionError("no decision answer in:\n" + out));
            assertThat(decision.path("outcome").asText()).isEqualTo("SCHEDULE_CONSULT");
            assertThat(decision.path("disposition").asText()).as("a routine consult was booked").isEqualTo("CONSULT");
            assertThat(decision.path("originalDisposition").isNull()).isTrue();
            decided.add(decision.path("referralId").asText());
            assertThat(answers).anyMatch(a -> a.has("byStatus"));
        }
        assertThat(intakes.get(1)).as("a second run submits a new intake, not a replay").isNotEqualTo(intakes.get(0));
        assertThat(decided.get(1)).isNotEqualTo(decided.get(0));
    }

    static void waitForAConsultReferral() throws Exception {
        // the consult queue's consumer makes the seeded referrals within moments
        String token = run("curl -s -X POST " + base + "/local/login -H 'content-type: application/json'"
                + " -d '{\"username\":\"setup\"}'").replaceAll(".*\"access_token\":\"([^\"]*)\".*\\s*", "$1");
        for (int i = 0; i < 120; i++) {
            String page = run("curl -s '" + base + "/referrals?disposition=CONSULT&limit=1' -H 'authorization: Bearer "
                    + token + "'");
            if (JSON.readTree(page).path("items").size() > 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no CONSULT referral appeared");
    }
}
