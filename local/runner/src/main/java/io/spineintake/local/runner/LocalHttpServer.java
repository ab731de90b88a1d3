package io.spineintake.local.runner;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for the local runner. It hands the request target to the
 * handler byte for byte, as API Gateway does: the JDK's com.sun.net.httpserver parses every target
 * into a java.net.URI first and answers a malformed percent-escape ({@code %ZZ}) with an HTML page
 * naming a Java exception, before any handler runs. Keep-alive, Content-Length and chunked request
 * bodies, {@code Expect: 100-continue}; every limit answers JSON as API Gateway's own errors do.
 * Idle connections close after {@value #IDLE_TIMEOUT_MS} ms, so no thread waits forever.
 */
final class LocalHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalHttpServer.class);

    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int IDLE_TIMEOUT_MS = 15_000;
    static final int MAX_CONNECTIONS = 64;

    /** A request: method, the raw target split at its first '?', lower-case header names in order. */
    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                   InetAddress remote) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    /** A response; {@code headers} may repeat a name (set-cookie). */
    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        static Response json(int status, String json) {
            return new Response(status, List.of(Map.entry("content-type", "application/json")),
                    json.getBytes(StandardCharsets.UTF_8));
        }
    }

    interface Handler {
        Response handle(Request request) throws IOException;
    }

    /** A request the server itself refuses: answered, then the connection is closed. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Response response;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.response = Response.json(status, "{\"message\":\"" + message + "\"}");
        }
    }

    private final ServerSocket socket;
    private final ExecutorService connections;
    private final Handler handler;
    private final int maxBodyBytes;
    private final Thread acceptor;

    LocalHttpServer(int port, int maxBodyBytes, Handler handler) throws IOException {
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        this.connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "local-http");
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::accept, "local-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                connections.execute(() -> serve(s));
            } catch (RejectedExecutionException busy) {
                try (s; OutputStream out = s.getOutputStream()) {
                    write(out, Response.json(503, "{\"message\":\"Service Unavailable\"}"), false, true);
                } catch (IOException ignored) {
                    // the client went away
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(IDLE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            boolean keepAlive = true;
            while (keepAlive) {
                Request request;
                boolean http10;
                try {
                    byte[] head = readHead(in);
                    if (head == null) {
                        return; // the client closed an idle connection
                    }
                    String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n", -1);
                    String[] requestLine = lines[0].split(" ", -1);
                    if (requestLine.length != 3 || requestLine[0].isEmpty() || !requestLine[1].startsWith("/")
                            || !requestLine[2].startsWith("HTTP/1.")) {
                        throw new Refused(400, "Bad Request");
                    }
                    http10 = requestLine[2].equals("HTTP/1.0");
                    Map<String, List<String>> headers = headers(lines);
                    String connection = first(headers, "connection");
                    keepAlive = http10 ? "keep-alive".equalsIgnoreCase(connection) : !"close".equalsIgnoreCase(connection);
                    if ("100-continue".equalsIgnoreCase(first(headers, "expect"))) {
                        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    byte[] body = body(in, headers);
                    String target = requestLine[1];
                    int q = target.indexOf('?');
                    request = new Request(requestLine[0], q < 0 ? target : target.substring(0, q),
                            q < 0 ? null : target.substring(q + 1), headers, body, s.getInetAddress());
                } catch (Refused r) {
                    write(out, r.response, false, true);
                    return;
                }
                Response response;
                try {
                    response = handler.handle(request);
                } catch (RuntimeException e) {
                    LOG.error("local gateway failed: {}", e.getClass().getSimpleName(), e);
                    response = Response.json(500, "{\"message\":\"Internal Server Error\"}");
                }
                write(out, response, request.method().equals("HEAD"), !keepAlive);
            }
        } catch (SocketTimeoutException | SocketException idleOrGone) {
            // an idle keep-alive connection timed out, or the client closed it
        } catch (IOException e) {
            LOG.debug("connection ended: {}", e.getClass().getSimpleName());
        }
    }

    /** The request line and headers up to the blank line; null when the connection closes before a request. */
    private static byte[] readHead(InputStream in) throws IOException, Refused {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int state = 0; // how much of CR LF CR LF has been seen
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new Refused(400, "Bad Request");
            }
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue; // RFC 9112: ignore empty lines before a request
            }
            head.write(b);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new Refused(431, "Request Header Fields Too Large");
            }
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (state == 4) {
                byte[] bytes = head.toByteArray();
                return java.util.Arrays.copyOf(bytes, bytes.length - 4);
            }
        }
    }

    private static Map<String, List<String>> headers(String[] lines) throws Refused {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new Refused(400, "Bad Request"); // no name, or obsolete line folding
            }
            String name = line.substring(0, colon);
            if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                throw new Refused(400, "Bad Request");
            }
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        return headers;
    }

    private byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException, Refused {
        String transfer = first(headers, "transfer-encoding");
        List<String> lengths = headers.get("content-length");
        if (transfer != null) {
            if (lengths != null || !transfer.equalsIgnoreCase("chunked")) {
                throw new Refused(400, "Bad Request");
            }
            return chunked(in);
        }
        if (lengths == null) {
            return new byte[0];
        }
        if (lengths.stream().distinct().count() != 1 || !lengths.get(0).matches("[0-9]{1,10}")) {
            throw new Refused(400, "Bad Request");
        }
        long length = Long.parseLong(lengths.get(0));
        if (length > maxBodyBytes) {
            throw new Refused(413, "Request Entity Too Large");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new Refused(400, "Bad Request");
        }
        return body;
    }

    private byte[] chunked(InputStream in) throws IOException, Refused {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            if (!hex.matches("[0-9A-Fa-f]{1,7}")) {
                throw new Refused(400, "Bad Request");
            }
            int size = Integer.parseInt(hex, 16);
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // trailer fields are not used here
                }
                return body.toByteArray();
            }
            if (body.size() + (long) size > maxBodyBytes) {
                throw new Refused(413, "Request Entity Too Large");
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size || !line(in).isEmpty()) {
                throw new Refused(400, "Bad Request");
            }
            body.write(chunk);
        }
    }

    private static String line(InputStream in) throws IOException, Refused {
        ByteArrayOutputStream line = new ByteArrayOutputStream(16);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.size() > 4096) {
                throw new Refused(400, "Bad Request");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static void write(OutputStream out, Response r, boolean head, boolean close) throws IOException {
        StringBuilder s = new StringBuilder(256);
        s.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
        boolean noBody = r.status() == 204 || r.status() == 304 || r.status() < 200;
        for (Map.Entry<String, String> h : r.headers()) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("connection")
                    || name.equalsIgnoreCase("transfer-encoding")) {
                continue; // this server frames the body itself
            }
            s.append(name).append(": ").append(h.getValue().replace('\r', ' ').replace('\n', ' ')).append("\r\n");
        }
        byte[] body = r.body() == null ? new byte[0] : r.body();
        if (!noBody) {
            s.append("content-length: ").append(body.length).append("\r\n");
        }
        if (close) {
            s.append("connection: close\r\n");
        }
        s.append("\r\n");
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        if (!noBody && !head) {
            out.write(body);
        }
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 423 -> "Locked";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        connections.shutdownNow();
    }
}
