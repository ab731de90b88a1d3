package io.spineintake.local.backends;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SNS wire protocol (AWS Query: form-encoded POST, XML answers) for the two calls this
 * system makes, CreateTopic and Publish, on 127.0.0.1 and an ephemeral port. There is no SNS
 * emulator without Docker here, so this small endpoint stands in: the SDK's real SnsClient talks to
 * it over HTTP, and what was published is kept in an outbox that tests and the local runner read.
 * {@link #failNext(int)} makes the next publishes answer 500, as an SNS outage would (the SDK
 * retries, so a failure costs its attempts).
 */
public final class LocalSns implements AutoCloseable {
    public static final String ACCOUNT = "000000000000";
    private static final String XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";

    /** One published message, as SNS would deliver it to a subscriber. */
    public record Published(String topicArn, String subject, String message, String messageId, Instant at) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String region;
    private final Clock clock;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final List<Published> outbox = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger publishCalls = new AtomicInteger();
    private volatile java.util.function.Consumer<Published> listener = p -> { };

    private LocalSns(String region, Clock clock) {
        this.region = region;
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local SNS endpoint", e);
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "local-sns");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static LocalSns launch(String region) {
        return new LocalSns(region, Clock.systemUTC());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The ARN CreateTopic gives a topic of this name. */
    public String topicArn(String name) {
        return "arn:aws:sns:" + region + ":" + ACCOUNT + ":" + name;
    }

    /** Everything published so far, oldest first. */
    public List<Published> outbox() {
        return List.copyOf(outbox);
    }

    /** What was published to one topic, oldest first. */
    public List<Published> outbox(String topicArn) {
        return outbox.stream().filter(p -> p.topicArn().equals(topicArn)).toList();
    }

    /** Publish calls received, failed ones included. */
    public int publishCalls() {
        return publishCalls.get();
    }

    /** The next {@code n} publish calls answer 500 InternalError and publish nothing. */
    public void failNext(int n) {
        failures.set(n);
    }

    public void clear() {
        outbox.clear();
    }

    /** Called with each message published (the local runner logs them, as a subscriber would see them). */
    public void onPublish(java.util.function.Consumer<Published> listener) {
        this.listener = listener;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String requestId = UUID.randomUUID().toString();
            String action = form.getOrDefault("Action", "");
            switch (action) {
                case "CreateTopic" -> {
                    String name = form.getOrDefault("Name", "");
                    if (!name.matches("[A-Za-z0-9_-]{1,256}")) {
                        error(exchange, 400, "Sender", "InvalidParameter", "Invalid parameter: Topic Name", requestId);
                        return;
                    }
                    topics.add(topicArn(name));
                    reply(exchange, "CreateTopic", "<TopicArn>" + topicArn(name) + "</TopicArn>", requestId);
                }
                case "Publish" -> {
                    publishCalls.incrementAndGet();
                    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        error(exchange, 500, "Receiver", "InternalError", "Injected failure", requestId);
                        return;
                    }
                    String arn = form.getOrDefault("TopicArn", "");
                    if (!topics.contains(arn)) {
                        error(exchange, 404, "Sender", "NotFound", "Topic does not exist", requestId);
                        return;
                    }
                    String message = form.get("Message");
                    if (message == null || message.isEmpty()) {
                        error(exchange, 400, "Sender", "InvalidParameter", "Invalid parameter: Message", requestId);
                        return;
                    }
                    String id = UUID.randomUUID().toString();
                    Published published = new Published(arn, form.get("Subject"), message, id, clock.instant());
                    outbox.add(published);
                    listener.accept(published);
                    reply(exchange, "Publish", "<MessageId>" + id + "</MessageId>", requestId);
                }
                default -> error(exchange, 400, "Sender", "InvalidAction", "The action is not supported here", requestId);
            }
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private static void reply(HttpExchange exchange, String action, String result, String requestId) throws IOException {
        send(exchange, 200, "<" + action + "Response xmlns=\"" + XMLNS + "\"><" + action + "Result>" + result + "</"
                + action + "Result><ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></"
                + action + "Response>");
    }

    private static void error(HttpExchange exchange, int status, String type, String code, String message,
                              String requestId) throws IOException {
        send(exchange, status, "<ErrorResponse xmlns=\"" + XMLNS + "\"><Error><Type>" + type + "</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>");
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Every topic created so far. */
    public List<String> topics() {
        return new ArrayList<>(topics);
    }
}
