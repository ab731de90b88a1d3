package io.spineintake.local.backends;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite (DynamoDB's protocol, from npm) in a child {@code node} process running
 * tools/dynalite/launch.js, bound to 127.0.0.1.
 *
 * <p>The first {@link #start()} takes an ephemeral port; later starts reuse that port, so clients
 * built for {@link #endpoint()} keep working across {@link #stop()}/{@link #start()} (outage tests).
 * Data lives in memory and is lost on stop, unless a data directory is given: then it is kept on
 * disk and survives restarts. The child exits by itself when this JVM dies (its stdin closes).
 */
public final class Dynalite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dynalite.class);
    private static final String PORT_LINE = "DYNALITE_PORT=";
    private static final long START_TIMEOUT_MS = 10_000;
    private static final long GRACEFUL_STOP_MS = 2_000;
    private static final long DESTROY_WAIT_MS = 5_000;

    private final Path home;
    private final Path dataDir;
    private Process process;
    private int port;

    private Dynalite(Path home, Path dataDir, int port) {
        this.home = home;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Started, in memory, on an ephemeral port. */
    public static Dynalite launch() {
        return create(null).start();
    }

    /** Started, data kept in {@code dataDir} (created if needed), on an ephemeral port. */
    public static Dynalite launch(Path dataDir) {
        return create(dataDir).start();
    }

    /** Not started yet; {@code dataDir} may be null for in-memory data. */
    public static Dynalite create(Path dataDir) {
        return new Dynalite(home(), dataDir == null ? null : dataDir.toAbsolutePath(), 0);
    }

    /**
     * tools/dynalite: system property {@code dynalite.home} (set by the root pom's surefire
     * configuration) when it holds launch.js, else found upwards from the working directory.
     */
    public static Path home() {
        String property = System.getProperty("dynalite.home");
        if (property != null && Files.isRegularFile(Paths.get(property, "launch.js"))) {
            return Paths.get(property).toAbsolutePath().normalize();
        }
        Path fallback = RepoRoot.find().resolve("tools/dynalite");
        if (!Files.isRegularFile(fallback.resolve("launch.js"))) {
            throw new IllegalStateException("No launch.js in " + fallback);
        }
        return fallback;
    }

    /** Starts the process if it is not running: on the previous port after a stop, else an ephemeral one. */
    public synchronized Dynalite start() {
        if (isRunning()) {
            return this;
        }
        if (!Files.isRegularFile(home.resolve("node_modules/dynalite/package.json"))) {
            throw new IllegalStateException("dynalite is not installed in " + home
                    + ": run `npm ci --ignore-scripts` there (the Maven build of local/backends does it at generate-resources)");
        }
        List<String> command = new ArrayList<>(List.of(nodeExecutable(), "launch.js", "--port", Integer.toString(port)));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create dynalite data directory " + dataDir, e);
            }
            command.add("--path");
            command.add(dataDir.toString());
        }
        long started = System.nanoTime();
        Process child;
        try {
            child = new ProcessBuilder(command).directory(home.toFile()).start();
            process = child;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run `" + nodeExecutable() + "` (is Node.js installed?)", e);
        }
        Deque<String> stderrTail = new ArrayDeque<>();
        drain("dynalite-stderr", child.getErrorStream(), line -> {
            synchronized (stderrTail) {
                if (stderrTail.size() == 20) {
                    stderrTail.removeFirst();
                }
                stderrTail.addLast(line);
            }
            LOG.warn("dynalite: {}", line);
        });
        CompletableFuture<Integer> portLine = new CompletableFuture<>();
        drain("dynalite-stdout", child.getInputStream(), line -> {
            if (line.startsWith(PORT_LINE) && !portLine.isDone()) {
                portLine.complete(Integer.parseInt(line.substring(PORT_LINE.length()).trim()));
            }
        });
        child.onExit().thenRun(() -> portLine.completeExceptionally(
                new IllegalStateException("dynalite exited with code " + child.exitValue())));
        try {
            port = portLine.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("Interrupted while starting dynalite", e);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            String tail;
            synchronized (stderrTail) {
                tail = String.join("\n", stderrTail);
            }
            throw new IllegalStateException("dynalite did not report its port within " + START_TIMEOUT_MS
                    + " ms (" + e.getMessage() + ")" + (tail.isEmpty() ? "" : ":\n" + tail), e);
        }
        LOG.info("dynalite listening on 127.0.0.1:{} ({} ms{})", port, (System.nanoTime() - started) / 1_000_000,
                dataDir == null ? ", in memory" : ", data in " + dataDir);
        return this;
    }

    /** Stops the process: closes its stdin (it exits by itself), then destroy, then destroyForcibly after 5 s. */
    public synchronized void stop() {
        Process p = process;
        process = null;
        if (p == null || !p.isAlive()) {
            return;
        }
        try {
            try {
                p.getOutputStream().close();
            } catch (IOException ignored) {
                // already closed: fall through to destroy
            }
            if (!p.waitFor(GRACEFUL_STOP_MS, TimeUnit.MILLISECONDS)) {
                p.destroy();
                if (!p.waitFor(DESTROY_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(DESTROY_WAIT_MS, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The port: set by the first start, kept across restarts. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("dynalite has not been started");
        }
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }


    @Override
    public void close() {
        stop();
    }

    private static String nodeExecutable() {
        return System.getProperty("dynalite.node", "node");
    }

    private static void drain(String name, InputStream in, Consumer<String> onLine) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    onLine.accept(line);
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
