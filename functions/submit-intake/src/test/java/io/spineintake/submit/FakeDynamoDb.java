package io.spineintake.submit;

import com.sun.net.httpserver.HttpServer;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An unhealthy DynamoDB endpoint on 127.0.0.1: one that answers every request with a fixed error,
 * or one that accepts connections and never answers. With {@link #clients()} the platform's real
 * clients (its timeouts and bounded retries) talk to it.
 */
abstract class FakeDynamoDb implements AutoCloseable {

    final AtomicInteger requests = new AtomicInteger();
    private AwsClients clients;

    abstract int port();

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The platform's clients, configured as for any endpoint override, pointing here. */
    synchronized AwsClients clients() {
        if (clients == null) {
            clients = AwsClients.create(Config.of(Map.of(
                    Config.Var.AWS_REGION.name(), LocalAws.REGION,
                    Config.Var.AWS_ENDPOINT_URL_DYNAMODB.name(), endpoint().toString())), LocalAws.CREDENTIALS);
        }
        return clients;
    }

    @Override
    public synchronized void close() {
        if (clients != null) {
            clients.close();
        }
    }

    /** Answers every request with this HTTP status and a DynamoDB JSON error of this type. */
    static FakeDynamoDb answering(int status, String errorType) {
        return new Answering(status, errorType);
    }

    /** Accepts connections, reads the request, never answers. */
    static FakeDynamoDb blackHole() {
        return new BlackHole();
    }

    private static final class Answering extends FakeDynamoDb {
        private final HttpServer server;

        Answering(int status, String errorType) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType
                    + "\",\"message\":\"injected by FakeDynamoDb\"}").getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.getResponseHeaders().add("x-amzn-RequestId", "FAKE" + requests.get());
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        @Override
        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public synchronized void close() {
            super.close();
            server.stop(0);
        }
    }

    private static final class BlackHole extends FakeDynamoDb {
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        BlackHole() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        requests.incrementAndGet();
                        held.add(s); // kept open, never written to
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "fake-dynamodb-black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        @Override
        int port() {
            return server.getLocalPort();
        }

        @Override
        public synchronized void close() {
            super.close();
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            for (Socket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
