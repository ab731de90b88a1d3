package io.spineintake.local.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * dynalite and ElasticMQ for the whole JVM: started once, stopped by JUnit when the root
 * extension store closes, or by a shutdown hook. dynalite keeps its data in a temporary directory,
 * so stopping and restarting it (outage tests) keeps every table and item.
 */
public final class LocalBackends implements AutoCloseable {

    private final Path dataDir;
    private final Dynalite dynalite;
    private final ElasticMq elasticMq;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalBackends(Path dataDir, Dynalite dynalite, ElasticMq elasticMq) {
        this.dataDir = dataDir;
        this.dynalite = dynalite;
        this.elasticMq = elasticMq;
    }

    public static LocalBackends start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("dynalite-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Dynalite dynalite = Dynalite.launch(dataDir);
        ElasticMq elasticMq;
        try {
            elasticMq = ElasticMq.launch();
        } catch (RuntimeException e) {
            dynalite.stop();
            throw e;
        }
        LocalBackends backends = new LocalBackends(dataDir, dynalite, elasticMq);
        Runtime.getRuntime().addShutdownHook(new Thread(backends::close, "local-backends-shutdown"));
        return backends;
    }

    public Dynalite dynalite() {
        return dynalite;
    }

    public ElasticMq elasticMq() {
        return elasticMq;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            elasticMq.stop();
        } finally {
            dynalite.stop();
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans it up eventually
        }
    }
}
