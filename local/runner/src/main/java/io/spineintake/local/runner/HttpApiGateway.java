package io.spineintake.local.runner;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.platform.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway's HTTP API, locally: matches the template's routes, checks the JWT on routes with
 * an authorizer (401 without a valid token, as API Gateway answers), builds the payload 2.0
 * event exactly as API Gateway would (route key, path parameters, lower-case headers, query
 * parameters, base64 for non-text bodies, authorizer claims) and writes the handler's response.
 * POST /local/login issues a token for a named coordinator: it exists only here, never in AWS.
 */
final class HttpApiGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiGateway.class);
    private static final ObjectMapper JSON = Json.mapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int MAX_BODY = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<TemplateFunctions.Route> routes;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;
    private final Map<String, TemplateFunctions.Function> functions;
    private final LocalJwt jwt;
    private final StaticSite site;

    HttpApiGateway(int port, List<TemplateFunctions.Route> routes,
                   Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers,
                   Map<String, TemplateFunctions.Function> functions, LocalJwt jwt, StaticSite site) throws IOException {
        this.routes = routes;
        this.handlers = handlers;
        this.functions = functions;
        this.jwt = jwt;
        this.site = site;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                send(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
                return;
            }
            if (method.equals("POST") && path.equals(LocalJwt.ISSUER_PATH + "/login")) {
                login(exchange, body);
                return;
            }
            for (TemplateFunctions.Route route : routes) {
                Map<String, String> params = match(route, method, path);
                if (params == null) {
                    continue;
                }
                Map<String, String> claims = null;
                if (route.authorized()) {
                    claims = jwt.verify(exchange.getRequestHeaders().getFirst("Authorization")).orElse(null);
                    if (claims == null) {
                        exchange.getResponseHeaders().add("www-authenticate", "Bearer");
                        send(exchange, 401, "{\"message\":\"Unauthorized\"}");
                        return;
                    }
                }
                invoke(exchange, route, params, claims, body);
                return;
            }
            // what no API route takes is the web form's static files, as CloudFront serves them in AWS
            if (site != null && (method.equals("GET") || method.equals("HEAD")) && site.serve(exchange, path)) {
                return;
            }
            send(exchange, 404, "{\"message\":\"Not Found\"}");
        } catch (RuntimeException e) {
            LOG.error("local gateway failed: {}", e.getClass().getSimpleName(), e);
            send(exchange, 500, "{\"message\":\"Internal Server Error\"}");
        }
    }

    private void invoke(HttpExchange exchange, TemplateFunctions.Route route, Map<String, String> params,
                        Map<String, String> claims, byte[] body) throws IOException {
        APIGatewayV2HTTPEvent event = event(exchange, route, params, claims, body);
        TemplateFunctions.Function function = functions.get(route.functionId());
        APIGatewayV2HTTPResponse response;
        try {
            response = handlers.get(route.functionId()).handleRequest(event,
                    LambdaContext.invocation(route.functionId(), function.timeoutSeconds()));
        } catch (RuntimeException e) {
            // as API Gateway answers when the function fails
            LOG.error("{} failed: {}", route.functionId(), e.getClass().getSimpleName(), e);
            send(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(c -> exchange.getResponseHeaders().add("set-cookie", c));
        }
        String text = response.getBody() == null ? "" : response.getBody();
        byte[] out = response.getIsBase64Encoded() ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        write(exchange, response.getStatusCode(), out);
    }

    static APIGatewayV2HTTPEvent event(HttpExchange exchange, TemplateFunctions.Route route, Map<String, String> params,
                                       Map<String, String> claims, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                for (String v : values) {
                    for (String c : v.split(";")) {
                        cookies.add(c.trim());
                    }
                }
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.merge(k, v, (a, b) -> a + "," + b);
            }
        }
        Instant now = Instant.now();
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(route.method()).withPath(exchange.getRequestURI().getRawPath()).withProtocol("HTTP/1.1")
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.getOrDefault("user-agent", "")).build();
        APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000").withApiId("local").withDomainName("127.0.0.1")
                .withDomainPrefix("local").withHttp(http).withRequestId(UUID.randomUUID().toString())
                .withRouteKey(route.routeKey()).withStage("$default").withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli());
        if (claims != null) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                    .builder().withClaims(claims).withScopes(null).build();
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build());
        }
        boolean text = isText(headers.get("content-type"));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(route.routeKey())
                .withRawPath(exchange.getRequestURI().getRawPath()).withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies).withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(params.isEmpty() ? null : params)
                .withRequestContext(context.build())
                .withBody(body.length == 0 ? null : text ? new String(body, StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .build();
    }

    /** API Gateway passes text bodies as they are and base64-encodes the rest. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript")
                || t.startsWith("application/x-www-form-urlencoded");
    }

    /** Path parameters when the route matches, else null. */
    static Map<String, String> match(TemplateFunctions.Route route, String method, String rawPath) {
        if (!route.method().equals(method)) {
            return null;
        }
        String[] want = route.path().split("/");
        String[] got = rawPath.split("/", -1);
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                params.put(want[i].substring(1, want[i].length() - 1), decodePath(got[i]));
            } else if (!want[i].equals(got[i])) {
                return null;
            }
        }
        return params;
    }

    private void login(HttpExchange exchange, byte[] body) throws IOException {
        String username;
        List<String> groups = List.of("coordinators");
        try {
            JsonNode node = JSON.readTree(body);
            username = node.path("username").asText("");
            if (node.has("groups")) {
                List<String> g = new ArrayList<>();
                node.get("groups").forEach(x -> g.add(x.asText()));
                groups = g;
            }
        } catch (IOException e) {
            username = "";
        }
        if (!username.matches("[A-Za-z0-9._@-]{1,64}")) {
            send(exchange, 400, "{\"message\":\"send {\\\"username\\\": \\\"a-coordinator\\\"}\"}");
            return;
        }
        String token = jwt.issue(username, groups, 3600);
        send(exchange, 200, JSON.writeValueAsString(Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", 3600)));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("content-type", "application/json");
        write(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Percent-decoding; a literal "+" stays "+" (it means a space only in a query string). */
    private static String decodePath(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
