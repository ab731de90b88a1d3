package io.spineintake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one node test file of test/browser against the local runner at {@code base}, its report
 * copied line by line into the build output and into a file under the artifacts folder, and fails
 * when node fails or outlives browser.tests.timeout.seconds (default 600).
 */
final class NodeBrowserTests {
    private NodeBrowserTests() {
    }

    static void run(Path web, Path artifacts, String testFile, String base, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(artifacts);
        long timeout = Long.getLong("browser.tests.timeout.seconds", 600);
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=spec", testFile)
                .directory(web.toFile())
                .redirectErrorStream(true);
        node.environment().put("BASE_URL", base);
        node.environment().put("ARTIFACTS", artifacts.toString());
        node.environment().putAll(environment);
        String name = Path.of(testFile).getFileName().toString().replace(".test.mjs", "");
        Path report = artifacts.resolve(name + "-node-test-output.txt");
        long started = System.nanoTime();
        Process process = node.start();
        Thread copier = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println(line);
                    out.write(line);
                    out.newLine();
                }
            } catch (IOException e) {
                System.out.println(name + " test output stopped: " + e);
            }
        }, "node-output-" + name);
        copier.start();
        boolean finished = process.waitFor(timeout, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        copier.join(10_000);
        System.out.printf("%s browser tests: %.1f s%n", name, (System.nanoTime() - started) / 1e9);
        assertThat(finished).as("%s browser tests finished within %d s", name, timeout).isTrue();
        assertThat(process.exitValue()).as("node --test %s exit code (its output is above)", testFile).isZero();
    }
}
