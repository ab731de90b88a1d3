package io.spineintake.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.local.backends.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an attacker's or a careless client's raw HTTP does to the runner: malformed percent-escapes
 * reach the handlers and come back as problem+json (never an HTML page naming a Java exception),
 * bytes that are not UTF-8 are refused and store nothing, group names are Cognito's, and the
 * server's own refusals are JSON, as API Gateway's are.
 */
@Timeout(120)
class GatewayHardeningTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static LocalRunner runner;
    static String token;

    record Reply(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start("--port", "0");
        token = login("{\"username\":\"alice\"}").json().path("access_token").asText();
        assertThat(token).isNotEmpty();
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    /** One request on its own connection, bytes exactly as given. */
    static Reply raw(String head, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", runner.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\nhost: 127.0.0.1\r\nconnection: close\r\ncontent-length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            byte[] all = s.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    java.util.Arrays.copyOfRange(all, end + 4, all.length));
        }
    }

    static Reply get(String target) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nauthorization: Bearer " + token, new byte[0]);
    }

    static Reply post(String target, String contentType, String idempotencyKey, byte[] body) throws IOException {
        return raw("POST " + target + " HTTP/1.1\r\ncontent-type: " + contentType
                + (idempotencyKey == null ? "" : "\r\nidempotency-key: " + idempotencyKey), body);
    }

    static Reply login(String body) throws IOException {
        return post("/local/login", "application/json", null, body.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] v01() throws IOException {
        return Files.readAllBytes(RepoRoot.find().resolve("functions/triage-engine/src/test/resources/vignettes/V01.json"));
    }

    static void assertProblem(Reply r, int status) throws IOException {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.headers().get("content-type")).isEqualTo("application/problem+json");
        assertThat(r.text()).doesNotContain("Exception", "java.", "<html", "<h1");
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
    }

    @Test
    void malformedPercentEscapesReachTheHandlersAndAre400Problems() throws IOException {
        assertProblem(get("/referrals/%ZZ"), 400);
        assertProblem(get("/referrals?limit=%ZZ"), 400);
        assertProblem(get("/referrals?status=NEW&cursor=%"), 400);
        assertProblem(raw("POST /referrals/abc%2/claim HTTP/1.1\r\nauthorization: Bearer " + token, new byte[0]), 400);
        assertProblem(post("/intakes?utm=%G1", "application/json", null, v01()), 400);
        assertThat(get("/referrals/%ZZ").json().path("errors").get(0).path("pointer").asText()).isEqualTo("/path");
        // well-formed escapes still decode
        assertThat(get("/referrals?status=NE%57").status()).isEqualTo(200);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAndNothingIsStored() throws IOException {
        String key = UUID.randomUUID().toString();
        String form = new String(v01(), StandardCharsets.UTF_8);
        int at = form.indexOf("Test Patient V01") + 5;
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.write(form.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bad.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        bad.write(form.substring(at).getBytes(StandardCharsets.UTF_8));
        Reply refused = post("/intakes", "application/json", key, bad.toByteArray());
        assertProblem(refused, 400);
        assertThat(refused.text()).contains("UTF-8");
        // the same key with a good body is a first submission: the refused one stored nothing
        Reply created = post("/intakes", "application/json", key, v01());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.headers().get("idempotent-replayed")).isEqualTo("false");
    }

    @Test
    void aCharsetOtherThanUtf8Is415() throws IOException {
        assertProblem(post("/intakes", "application/json; charset=iso-8859-1", null, v01()), 415);
        assertThat(post("/intakes", "application/json; charset=UTF-8", null, v01()).status()).isEqualTo(201);
    }

    @Test
    void onlyTheExactCoordinatorsGroupGrantsAccess() throws IOException {
        assertThat(login("{\"username\":\"mallory\",\"groups\":[\"x coordinators\"]}").status()).as("no whitespace")
                .isEqualTo(400);
        String comma = login("{\"username\":\"mallory\",\"groups\":[\"coordinators,x\"]}").json()
                .path("access_token").asText();
        Reply r = raw("GET /referrals HTTP/1.1\r\nauthorization: Bearer " + comma, new byte[0]);
        assertProblem(r, 403);
        String both = login("{\"username\":\"bob\",\"groups\":[\"admins\",\"coordinators\"]}").json()
                .path("access_token").asText();
        assertThat(raw("GET /referrals HTTP/1.1\r\nauthorization: Bearer " + both, new byte[0]).status()).isEqualTo(200);
    }

    @Test
    void theServersOwnRefusalsAreJson() throws IOException {
        for (String head : new String[] {"GET noslash HTTP/1.1", "GET /referrals", "BROKEN", "GET /x HTTP/1.1\r\n bad fold"}) {
            Reply r = raw(head, new byte[0]);
            assertThat(r.status()).as(head).isEqualTo(400);
            assertThat(r.headers().get("content-type")).isEqualTo("application/json");
            assertThat(r.text()).doesNotContain("Exception", "<h1");
        }
        assertThat(raw("GET /nowhere HTTP/1.1", new byte[0]).status()).isEqualTo(404);
    }

    @Test
    void keepAliveAndChunkedBodiesWork() throws IOException {
        try (Socket s = new Socket("127.0.0.1", runner.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] body = v01();
            String chunked = Integer.toHexString(body.length) + "\r\n";
            for (int i = 0; i < 2; i++) {
                out.write(("POST /intakes HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
                        + "transfer-encoding: chunked\r\n\r\n" + chunked).getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String status = readLine(in);
                assertThat(status).startsWith("HTTP/1.1 201");
                int length = -1;
                for (String h = readLine(in); !h.isEmpty(); h = readLine(in)) {
                    if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(h.substring(15).strip());
                    }
                }
                assertThat(in.readNBytes(length)).hasSize(length);
            }
        }
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
