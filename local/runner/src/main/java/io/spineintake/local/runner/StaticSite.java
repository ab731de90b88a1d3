package io.spineintake.local.runner;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The built web form (web/target/site) on the API's origin, with the security headers and the
 * compression CloudFront gives it in AWS (template.yaml's SiteSecurityHeaders; TemplateTest checks
 * that the two agree), so browser tests see what patients will get.
 */
final class StaticSite {

    /** The headers of every static answer: the same values as template.yaml's response headers policy. */
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    private static Map<String, String> securityHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                + " font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        h.put("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        return Map.copyOf(h);
    }

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "woff2", "font/woff2", "png", "image/png");

    private final Path root;
    /** Compressed once per file version: a rebuild while the runner runs is served at once. */
    private final Map<String, byte[]> gzipped = new ConcurrentHashMap<>();

    StaticSite(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Writes the file for this path and returns true, or returns false (nothing written) when there is none. */
    boolean serve(HttpExchange exchange, String rawPath) throws IOException {
        String path = rawPath.equals("/") ? "/index.html" : rawPath;
        if (path.contains("..") || path.contains("\\") || path.contains("%")) {
            return false;
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return false;
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(extension, "application/octet-stream");
        var headers = exchange.getResponseHeaders();
        SECURITY_HEADERS.forEach(headers::set);
        headers.set("Content-Type", type);
        // the page changes with every build; the form's answers are never in it
        headers.set("Cache-Control", "no-cache");
        byte[] body;
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        boolean compressible = !extension.equals("woff2") && !extension.equals("png");
        if (compressible && accept != null && accept.contains("gzip")) {
            body = gzipped.computeIfAbsent(file + "@" + Files.getLastModifiedTime(file).toMillis(), k -> gzip(file));
            headers.set("Content-Encoding", "gzip");
            headers.set("Vary", "Accept-Encoding");
        } else {
            body = Files.readAllBytes(file);
        }
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return true;
    }

    private static byte[] gzip(Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(Files.readAllBytes(file));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
