package io.spineintake.local.runner;

import io.spineintake.local.runner.LocalHttpServer.Request;
import io.spineintake.local.runner.LocalHttpServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The built web site (web/target/site: the patient's form at /, the coordinators' console at
 * /console/) on the API's origin, with the security headers and the
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

    /** The file for this path, or empty when there is none. */
    Optional<Response> serve(Request request) throws IOException {
        String rawPath = request.rawPath();
        // a folder's page is its index.html (/ the form, /console/ the console), as the site's
        // CloudFront function rewrites it in AWS; the folder without its slash is sent to it
        String path = rawPath.endsWith("/") ? rawPath + "index.html" : rawPath;
        if (path.contains("..") || path.contains("\\") || path.contains("%") || !path.startsWith("/")) {
            return Optional.empty();
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) {
            return Optional.empty();
        }
        if (Files.isRegularFile(file.resolve("index.html"))) {
            List<Map.Entry<String, String>> headers = new ArrayList<>(SECURITY_HEADERS.entrySet());
            headers.add(Map.entry("Location", rawPath + "/"));
            headers.add(Map.entry("Cache-Control", "no-cache"));
            return Optional.of(new Response(301, headers, new byte[0]));
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        List<Map.Entry<String, String>> headers = new ArrayList<>(SECURITY_HEADERS.entrySet());
        headers.add(Map.entry("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream")));
        // the page changes with every build; the form's answers are never in it
        headers.add(Map.entry("Cache-Control", "no-cache"));
        byte[] body;
        String accept = request.header("accept-encoding");
        boolean compressible = !extension.equals("woff2") && !extension.equals("png");
        if (compressible && accept != null && accept.contains("gzip")) {
            body = gzipped.computeIfAbsent(file + "@" + Files.getLastModifiedTime(file).toMillis(), k -> gzip(file));
            headers.add(Map.entry("Content-Encoding", "gzip"));
            headers.add(Map.entry("Vary", "Accept-Encoding"));
        } else {
            body = Files.readAllBytes(file);
        }
        return Optional.of(new Response(200, headers, body));
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
