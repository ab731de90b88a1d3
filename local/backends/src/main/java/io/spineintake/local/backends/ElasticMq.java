package io.spineintake.local.backends;

import java.net.URI;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded ElasticMQ (SQS's protocol) bound to 127.0.0.1, region us-east-1, account 000000000000.
 * The first {@link #start()} takes an ephemeral port; later starts reuse it, so clients survive a
 * {@link #stop()}/{@link #start()} (outage tests). Queues and messages live in memory: a restart
 * loses them (re-run {@link Provisioning}).
 */
public final class ElasticMq implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticMq.class);
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";

    private SQSRestServer server;
    private int port;

    private ElasticMq() {
    }

    /** Started on an ephemeral port. */
    public static ElasticMq launch() {
        return new ElasticMq().start();
    }

    /** Starts the server if it is not running: on the previous port after a stop, else an ephemeral one. */
    public synchronized ElasticMq start() {
        if (server != null) {
            return this;
        }
        long started = System.nanoTime();
        SQSRestServer s = (port == 0 ? SQSRestServerBuilder.withDynamicPort() : SQSRestServerBuilder.withPort(port))
                .withInterface("127.0.0.1")
                .withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT_ID)
                .start();
        port = s.waitUntilStarted().localAddress().getPort();
        server = s;
        LOG.info("ElasticMQ listening on 127.0.0.1:{} ({} ms)", port, (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            SQSRestServer s = server;
            server = null;
            s.stopAndWait();
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("ElasticMQ has not been started");
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
}
