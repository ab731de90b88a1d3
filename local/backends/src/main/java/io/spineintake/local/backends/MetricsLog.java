package io.spineintake.local.backends;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Copies the metric lines the functions print (CloudWatch embedded metric format: one JSON object
 * per line, starting with {@code {"_aws"}) to a file, as CloudWatch Logs would keep them, so a
 * test can read them and the PHI scans can cover them. Standard output itself is left as it was.
 */
public final class MetricsLog {
    /** Where a module's tests find their metric lines (relative to the module: surefire's working directory). */
    public static final Path FILE = Path.of("target", "test-logs", "metrics.log");

    private static boolean installed;

    private MetricsLog() {
    }

    /** The metric lines printed so far in this JVM, parsed, oldest first. */
    public static java.util.List<com.fasterxml.jackson.databind.JsonNode> read() {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            java.util.List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
            for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
                out.add(json.readTree(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    /** Starts copying, once per JVM; the file starts empty. */
    public static synchronized void capture() {
        if (installed) {
            return;
        }
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            OutputStream file = Files.newOutputStream(FILE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            System.setOut(new PrintStream(new Tee(System.out, file), true, StandardCharsets.UTF_8));
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    /** Every byte to standard output; each complete line that is a metric line also to the file. */
    private static final class Tee extends OutputStream {
        private static final byte[] METRIC_LINE = "{\"_aws\"".getBytes(StandardCharsets.UTF_8);
        private final OutputStream out;
        private final OutputStream file;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Tee(OutputStream out, OutputStream file) {
            this.out = out;
            this.file = file;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            out.write(b);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                line.reset();
                if (startsWithMetric(bytes)) {
                    file.write(bytes);
                    file.write('\n');
                    file.flush();
                }
            } else {
                line.write(b);
            }
        }

        private static boolean startsWithMetric(byte[] bytes) {
            if (bytes.length < METRIC_LINE.length) {
                return false;
            }
            for (int i = 0; i < METRIC_LINE.length; i++) {
                if (bytes[i] != METRIC_LINE[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }
    }
}
