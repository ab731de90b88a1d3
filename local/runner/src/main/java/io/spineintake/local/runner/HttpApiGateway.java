package io.spineintake.local.runner;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.runner.LocalHttpServer.Request;
import io.spineintake.local.runner.LocalHttpServer.Response;
import io.spineintake.platform.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.Optional;
import java.util.UUID;
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
    private static final java.util.regex.Pattern COGNITO_GROUP_NAME =
            java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");

    private final LocalHttpServer server;
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
        this.server = new LocalHttpServer(port, MAX_BODY, this::handle);
    }

    int port() {
        return server.port();
    }

    private Response handle(Request request) throws IOException {
        String method = request.method().toUpperCase(Locale.ROOT);
        String path = request.rawPath();
        if (method.equals("POST") && path.equals(LocalJwt.ISSUER_PATH + "/login")) {
            return login(request.body());
        }
        for (TemplateFunctions.Route route : routes) {
            Map<String, String> params = match(route, method, path);
            if (params == null) {
                continue;
            }
            Map<String, String> claims = null;
            if (route.authorized()) {
                claims = jwt.verify(request.header("authorization")).orElse(null);
                if (claims == null) {
                    return new Response(401, List.of(Map.entry("content-type", "application/json"),
                            Map.entry("www-authenticate", "Bearer")),
                            "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
                }
            }
            return invoke(request, route, params, claims);
        }
        // what no API route takes is the web form's static files, as CloudFront serves them in AWS
        if (site != null && (method.equals("GET") || method.equals("HEAD"))) {
            Optional<Response> file = site.serve(request);
            if (file.isPresent()) {
                return file.get();
            }
        }
        return Response.json(404, "{\"message\":\"Not Found\"}");
    }

    private Response invoke(Request request, TemplateFunctions.Route route, Map<String, String> params,
                            Map<String, String> claims) {
        APIGatewayV2HTTPEvent event = event(request, route, params, claims);
        TemplateFunctions.Function function = functions.get(route.functionId());
        APIGatewayV2HTTPResponse response;
        try {
            response = handlers.get(route.functionId()).handleRequest(event,
                    LambdaContext.invocation(route.functionId(), function.timeoutSeconds()));
        } catch (RuntimeException e) {
            // as API Gateway answers when the function fails
            LOG.error("{} failed: {}", route.functionId(), e.getClass().getSimpleName(), e);
            return Response.json(500, "{\"message\":\"Internal Server Error\"}");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> headers.add(Map.entry(k, v)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(c -> headers.add(Map.entry("set-cookie", c)));
        }
        String text = response.getBody() == null ? "" : response.getBody();
        byte[] out = response.getIsBase64Encoded() ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        return new Response(response.getStatusCode(), headers, out);
    }

    static APIGatewayV2HTTPEvent event(Request request, TemplateFunctions.Route route, Map<String, String> params,
                                       Map<String, String> claims) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            if (name.equals("cookie")) {
                for (String v : values) {
                    for (String c : v.split(";")) {
                        cookies.add(c.trim());
                    }
                }
            } else {
                headers.put(name, String.join(",", values));
            }
        });
        String rawQuery = request.rawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String k = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
                query.merge(k, v, (a, b) -> a + "," + b);
            }
        }
        Instant now = Instant.now();
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(route.method()).withPath(request.rawPath()).withProtocol("HTTP/1.1")
                .withSourceIp(request.remote().getHostAddress())
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
        byte[] body = request.body();
        boolean text = isText(headers.get("content-type"));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(route.routeKey())
                .withRawPath(request.rawPath()).withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies).withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(params.isEmpty() ? null : params)
                .withRequestContext(context.build())
                // text bodies are decoded as UTF-8 and bytes that are not UTF-8 become U+FFFD (see docs/api.md)
                .withBody(body.length == 0 ? null : text ? new String(body, StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .build();
    }

    /**
     * HTTP APIs pass text/*, application/json, application/xml and application/javascript bodies as
     * strings (structured suffixes such as +json included) and base64-encode every other body,
     * a missing Content-Type and application/x-www-form-urlencoded included.
     */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.equals("application/json") || t.endsWith("+json")
                || t.equals("application/xml") || t.endsWith("+xml") || t.equals("application/javascript");
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

    private Response login(byte[] body) throws IOException {
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
            return Response.json(400, "{\"message\":\"send {\\\"username\\\": \\\"a-coordinator\\\"}\"}");
        }
        // as Cognito: a group name is 1-128 letters, marks, symbols, digits or punctuation, never whitespace
        if (!groups.stream().allMatch(g -> COGNITO_GROUP_NAME.matcher(g).matches())) {
            return Response.json(400, "{\"message\":\"groups must be Cognito group names (no whitespace)\"}");
        }
        String token = jwt.issue(username, groups, 3600);
        return Response.json(200, JSON.writeValueAsString(Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", 3600)));
    }

    /** Percent-decoding of a path segment; a literal "+" stays "+" (it means a space only in a query string). */
    static String decodePath(String s) {
        return percentDecode(s, false);
    }

    static String decodeQuery(String s) {
        return percentDecode(s, true);
    }

    /**
     * UTF-8 percent-decoding that, like API Gateway, passes a malformed escape ({@code %ZZ}, a lone
     * {@code %}) through as it is instead of failing, so the function sees it and answers.
     */
    static String percentDecode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
                continue;
            }
            if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(c);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    @Override
    public void close() {
        server.close();
    }
}
