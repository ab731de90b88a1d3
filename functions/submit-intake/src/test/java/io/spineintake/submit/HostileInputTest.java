package io.spineintake.submit;

import io.spineintake.triage.TestForms;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.intakes.IntakeRecord;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a broken browser, a curious user or an attacker's script sends, posted at the real handler:
 * each is a 4xx application/problem+json naming the field where there is one, echoes no value,
 * and stores nothing. Odd but valid text is accepted and stored verbatim.
 */
@ExtendWith(LocalAwsExtension.class)
class HostileInputTest {

    static final String MALFORMED = IntakeSubmission.MALFORMED_BODY;
    static final String INVALID = IntakeSubmission.INVALID_FORM;
    static final String BLANK = "about:blank";
    static final int MAX = 64 * 1024;

    static SubmitIntakeHandler handler;

    @BeforeAll
    static void wire(LocalAws aws) {
        handler = Intakes.handler(aws);
    }

    /** One hostile request and the answer it must get: status, problem type, errors[].pointer in order. */
    record Case(String name, Supplier<Post> request, int status, String type, List<String> pointers) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, Supplier<Post> request, int status, String type, String... pointers) {
        return new Case(name, request, status, type, List.of(pointers));
    }

    static ObjectNode typical() {
        return Fixtures.typical();
    }

    static Supplier<Post> form(ObjectNode form) {
        return () -> Post.form(form);
    }

    static Supplier<Post> text(String body) {
        return () -> Post.text(body);
    }

    static Supplier<Post> raw(String pointer, String rawJson) {
        return text(Fixtures.typicalWithRaw(pointer, rawJson));
    }

    static ObjectNode set(String pointer, JsonNode value) {
        return TestForms.with(typical(), pointer, value);
    }

    /** The typical form padded with trailing whitespace (valid JSON) to exactly {@code size} bytes. */
    static String paddedTo(int size) {
        String form = TestForms.text(typical());
        return form + " ".repeat(size - form.getBytes(StandardCharsets.UTF_8).length);
    }

    static ArrayNode regions(int n) {
        ArrayNode regions = TestForms.NODES.arrayNode();
        for (int i = 0; i < n; i++) {
            regions.add(TestForms.NODES.objectNode().put("region", "LUMBAR"));
        }
        return regions;
    }

    static Stream<Case> hostile() {
        String form = TestForms.text(typical());
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        List<Case> cases = new ArrayList<>(List.of(
                // --- not a JSON object at all: 400, pointer "" (the whole document)
                c("empty body", text(""), 400, MALFORMED, ""),
                c("no body (null)", Post::noBody, 400, MALFORMED, ""),
                c("whitespace only", text(" \r\n\t "), 400, MALFORMED, ""),
                c("a JSON array", text("[" + form + "]"), 400, MALFORMED, ""),
                c("an empty JSON array", text("[]"), 400, MALFORMED, ""),
                c("a JSON string", text("\"" + Fixtures.NAME + "\""), 400, MALFORMED, ""),
                c("JSON null", text("null"), 400, MALFORMED, ""),
                c("a number", text("42"), 400, MALFORMED, ""),
                c("truncated JSON", text(form.substring(0, form.length() / 2)), 400, MALFORMED, ""),
                c("trailing garbage", text(form + " <!-- -->"), 400, MALFORMED, ""),
                c("two documents", text(form + form), 400, MALFORMED, ""),
                c("single-quoted JSON", text(form.replace('"', '\'')), 400, MALFORMED, ""),
                c("a comment", text("/* hi */" + form), 400, MALFORMED, ""),
                c("NaN", raw("/pain/nrs/now", "NaN"), 400, MALFORMED, ""),
                c("a form-encoded body labelled JSON", text("name=" + Fixtures.NAME.replace(' ', '+') + "&dob="
                        + Fixtures.DATE_OF_BIRTH), 400, MALFORMED, ""),
                c("a raw NUL character", text(form.replace("\"notes\":\"", "\"notes\":\"\u0000")), 400, MALFORMED, ""),
                c("thousands of nested objects", text("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)), 400, MALFORMED, ""),
                c("thousands of nested arrays", text("[".repeat(20_000) + "]".repeat(20_000)), 400, MALFORMED, ""),
                c("deep nesting inside a field", raw("/notes", "[".repeat(3000) + "]".repeat(3000)), 400, MALFORMED, ""),
                c("2,500 regions (too many values)", form(set("/pain/regions", regions(2500))), 400, MALFORMED, ""),
                c("a property name of 300 characters", form(set("/patient/" + "k".repeat(300), TestForms.NODES.textNode("x"))),
                        400, MALFORMED, ""),
                // --- bytes that are not UTF-8 text (only a base64 body can carry them)
                c("invalid UTF-8 in a base64 body", () -> Post.base64(TestForms.concat(
                        form.substring(0, 40).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                        form.substring(40).getBytes(StandardCharsets.UTF_8))), 400, MALFORMED, ""),
                c("a 0xFF byte in a base64 body", () -> Post.base64(TestForms.concat(new byte[] {(byte) 0xFF},
                        form.getBytes(StandardCharsets.UTF_8))), 400, MALFORMED, ""),
                c("overlong UTF-8 in a base64 body", () -> Post.base64(TestForms.concat("{\"notes\":\"".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}".getBytes(StandardCharsets.UTF_8))), 400, MALFORMED, ""),
                c("UTF-16 text in a base64 body", () -> Post.base64(form.getBytes(StandardCharsets.UTF_16LE)), 400, MALFORMED, ""),
                // --- body transport: base64 and size (platform RequestBodies): no field to name
                c("malformed base64", () -> Post.base64Text("eyJwYXRpZW50Ijp7!!!not*base64"), 400, MALFORMED, ""),
                c("base64 flag on a plain JSON body", () -> Post.base64Text(form), 400, MALFORMED, ""),
                // --- as API Gateway passes a text body whose bytes were not UTF-8: decoded, with U+FFFD
                c("bytes that were not UTF-8, decoded by API Gateway", text(new String(TestForms.concat(
                        form.substring(0, 40).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                        form.substring(40).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)), 400, MALFORMED, ""),
                c("U+FFFD sent as a JSON escape in the name", text(form.replace(Fixtures.NAME, "Jos\\ufffd")),
                        422, INVALID, "/patient/name"),
                c("an unpaired surrogate in a text body", text(form.replace("\"notes\":\"", "\"notes\":\"\uD800")),
                        400, MALFORMED, ""),
                // --- control characters: none in names and contact fields; tab and line breaks only in notes
                c("a tab in the name", form(TestForms.with(typical(), "/patient/name", "Ann\tLee")), 422, INVALID, "/patient/name"),
                c("an escape sequence in the name", form(TestForms.with(typical(), "/patient/name", "\u001b[2JAnn")),
                        422, INVALID, "/patient/name"),
                c("a newline in the phone", form(TestForms.with(typical(), "/patient/phone", "555\n0100")), 422, INVALID, "/patient/phone"),
                c("a control character in the email", form(TestForms.with(typical(), "/patient/email", "a\u0001@example.org")),
                        422, INVALID, "/patient/email"),
                c("a bell in the notes", form(TestForms.with(typical(), "/notes", "see\u0007me")), 422, INVALID, "/notes"),
                // --- a charset other than UTF-8
                c("charset iso-8859-1", () -> Post.form(typical()).contentType("application/json; charset=iso-8859-1"), 415, BLANK),
                c("charset utf-16", () -> Post.form(typical()).contentType("application/json;charset=UTF-16"), 415, BLANK),
                c("body over 64 KiB", text(paddedTo(MAX + 1)), 413, BLANK),
                c("body over 64 KiB, base64", () -> Post.base64(paddedTo(MAX + 1).getBytes(StandardCharsets.UTF_8)), 413, BLANK),
                c("body over 64 KiB only in UTF-8 bytes", form(TestForms.with(typical(), "/notes", "é".repeat(40_000))), 413, BLANK),
                c("5,000 regions (over 64 KiB)", form(set("/pain/regions", regions(5000))), 413, BLANK),
                c("a 10 MB body", text(" ".repeat(10 * 1024 * 1024)), 413, BLANK),
                c("a 10 MB body, base64", () -> Post.base64(new byte[10 * 1024 * 1024]), 413, BLANK),
                // --- content type
                c("content-type text/plain", () -> Post.form(typical()).contentType("text/plain"), 415, BLANK),
                c("no content-type", () -> Post.form(typical()).without("content-type"), 415, BLANK),
                c("content-type application/x-www-form-urlencoded", () -> Post.text("name=a&dob=b")
                        .contentType("application/x-www-form-urlencoded"), 415, BLANK),
                c("content-type multipart/form-data", () -> Post.form(typical())
                        .contentType("multipart/form-data; boundary=----x"), 415, BLANK),
                c("content-type text/json", () -> Post.form(typical()).contentType("text/json"), 415, BLANK),
                c("content-type application/json-patch+json", () -> Post.form(typical())
                        .contentType("application/json-patch+json"), 415, BLANK),
                c("content-type application/jsonx", () -> Post.form(typical()).contentType("application/jsonx"), 415, BLANK),
                c("empty content-type", () -> Post.form(typical()).contentType(""), 415, BLANK),
                // --- a JSON object that breaks the form contract: 422 naming the field
                c("NRS 11", form(TestForms.with(typical(), "/pain/nrs/now", 11)), 422, INVALID, "/pain/nrs/now"),
                c("NRS -1", form(TestForms.with(typical(), "/pain/nrs/average", -1)), 422, INVALID, "/pain/nrs/average"),
                c("NRS \"7\" (a string)", form(TestForms.with(typical(), "/pain/nrs/worst", "7")), 422, INVALID, "/pain/nrs/worst"),
                c("NRS 7.5", form(set("/pain/nrs/now", TestForms.NODES.numberNode(7.5))), 422, INVALID, "/pain/nrs/now"),
                c("NRS true", form(set("/pain/nrs/now", TestForms.NODES.booleanNode(true))), 422, INVALID, "/pain/nrs/now"),
                c("NRS 1e400 (overflow)", raw("/pain/nrs/now", "1e400"), 422, INVALID, "/pain/nrs/now", "/pain/nrs/now"),
                c("NRS with 1,500 digits", raw("/pain/nrs/now", "9".repeat(1500)), 422, INVALID, "/pain/nrs/now"),
                c("PEG 12", form(TestForms.with(typical(), "/pain/peg/generalActivity", 12)), 422, INVALID,
                        "/pain/peg/generalActivity"),
                c("huge integer duration", raw("/pain/regions/0/durationMonths", "123456789012345678901234567890"),
                        422, INVALID, "/pain/regions/0/durationMonths"),
                c("birth date in the future", form(TestForms.with(typical(), "/patient/dateOfBirth", tomorrow)), 422, INVALID,
                        "/patient/dateOfBirth"),
                c("birth date 2023-02-30", form(TestForms.with(typical(), "/patient/dateOfBirth", "2023-02-30")), 422, INVALID,
                        "/patient/dateOfBirth"),
                c("birth date 1899-12-31", form(TestForms.with(typical(), "/patient/dateOfBirth", "1899-12-31")), 422, INVALID,
                        "/patient/dateOfBirth"),
                c("birth date with a time", form(TestForms.with(typical(), "/patient/dateOfBirth", "1963-04-19T00:00:00Z")),
                        422, INVALID, "/patient/dateOfBirth", "/patient/dateOfBirth"), // too long, and not a date
                c("birth date as a number", form(TestForms.with(typical(), "/patient/dateOfBirth", 19630419)), 422, INVALID,
                        "/patient/dateOfBirth"),
                c("unknown region", form(TestForms.with(typical(), "/pain/regions/0/region", "SACRAL")), 422, INVALID,
                        "/pain/regions/0/region"),
                c("region in lower case", form(TestForms.with(typical(), "/pain/regions/0/region", "lumbar")), 422, INVALID,
                        "/pain/regions/0/region"),
                c("four regions", form(set("/pain/regions", regions(4))), 422, INVALID, "/pain/regions"),
                c("a region listed twice", form(set("/pain/regions/1", TestForms.NODES.objectNode().put("region", "LUMBAR"))),
                        422, INVALID, "/pain/regions/1/region"),
                c("no regions", form(set("/pain/regions", TestForms.NODES.arrayNode())), 422, INVALID, "/pain/regions"),
                c("main region not among the regions", form(TestForms.with(typical(), "/pain/mainRegion", "CERVICAL")),
                        422, INVALID, "/pain/mainRegion"),
                c("spread of another region", form(TestForms.with(typical(), "/pain/regions/0/spread", "HAND")), 422, INVALID,
                        "/pain/regions/0/spread"),
                c("a 5,000-character name", form(TestForms.with(typical(), "/patient/name",
                        Fixtures.LONG_NAME_UNIT.repeat(250))), 422, INVALID, "/patient/name"),
                c("a blank name", form(TestForms.with(typical(), "/patient/name", " \t ")), 422, INVALID, "/patient/name"),
                c("no name", form(TestForms.without(typical(), "/patient/name")), 422, INVALID, "/patient/name"),
                c("notes over 4,000 characters", form(TestForms.with(typical(), "/notes", "n".repeat(4001))), 422, INVALID, "/notes"),
                c("a 60,000-character note", form(TestForms.with(typical(), "/notes", "x".repeat(60_000))), 422, INVALID, "/notes"),
                c("a lone surrogate in notes", raw("/notes", "\"abc\\ud800def\""), 422, INVALID, "/notes"),
                c("phone with letters", form(TestForms.with(typical(), "/patient/phone", "call me maybe")), 422, INVALID,
                        "/patient/phone"),
                c("email not an address", form(TestForms.with(typical(), "/patient/email", "not-an-address")), 422, INVALID,
                        "/patient/email"),
                c("no phone and no email", form(TestForms.without(TestForms.without(typical(), "/patient/phone"),
                        "/patient/email")), 422, INVALID, "/patient"),
                c("missing consent", form(TestForms.without(typical(), "/consent")), 422, INVALID, "/consent"),
                c("consent false", form(set("/consent", TestForms.NODES.objectNode().put("contact", false)
                        .put("dataProcessing", false))), 422, INVALID, "/consent/contact", "/consent/dataProcessing"),
                c("consent \"true\" (a string)", form(TestForms.with(typical(), "/consent/dataProcessing", "true")), 422, INVALID,
                        "/consent/dataProcessing"),
                c("consent null", form(set("/consent", TestForms.NODES.nullNode())), 422, INVALID, "/consent"),
                c("missing patient", form(TestForms.without(typical(), "/patient")), 422, INVALID, "/patient"),
                c("an empty object", text("{}"), 422, INVALID, "/consent", "/pain", "/patient"),
                c("unknown extra field", form(set("/isAdmin", TestForms.NODES.booleanNode(true))), 422, INVALID, "/isAdmin"),
                c("unknown nested field", form(TestForms.with(typical(), "/patient/ssn", "000-00-0000")), 422, INVALID,
                        "/patient/ssn"),
                c("__proto__ (prototype pollution)", raw("/__proto__", "{\"isAdmin\":true}"), 422, INVALID, "/__proto__"),
                c("the assessment sent by the client (mass assignment)", form(TestForms.with(TestForms.with(
                        TestForms.with(typical(), "/disposition", "EMERGENCY"), "/score", 100), "/intakeId",
                        "00000000-0000-0000-0000-000000000000")), 422, INVALID, "/disposition", "/intakeId", "/score"),
                c("duplicate key", text(form.replaceFirst("\\{\"patient\":\\{", "{\"patient\":{\"name\":\"Mallory Dup\",")),
                        422, INVALID, "/patient/name"),
                c("duplicate top-level key", text(form.substring(0, form.length() - 1)
                        + ",\"consent\":{\"contact\":true,\"dataProcessing\":true}}"), 422, INVALID, "/consent"),
                c("an answer in lower case", form(TestForms.with(typical(), "/safety/saddleNumbness", "yes")), 422, INVALID,
                        "/safety/saddleNumbness"),
                c("an answer as a boolean", form(set("/safety/saddleNumbness", TestForms.NODES.booleanNode(false))), 422, INVALID,
                        "/safety/saddleNumbness"),
                c("a group as a string", form(TestForms.with(typical(), "/safety", "none")), 422, INVALID, "/safety")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileInputIsAProblemNamingTheFieldAndStoresNothing(Case c, LocalAws aws) {
        int before = Intakes.count(aws);

        Answer answer = c.request().get().to(handler);

        answer.assertProblem(c.status());
        assertThat(answer.problemType()).isEqualTo(c.type());
        assertThat(answer.pointers()).containsExactlyElementsOf(c.pointers());
        assertThat(answer.header("Location")).isEmpty();
        assertThat(answer.header("Cache-Control")).contains("no-store");
        // nothing from the request comes back
        assertThat(answer.body()).doesNotContain(Fixtures.NAME, Fixtures.EMAIL, Fixtures.PHONE, Fixtures.DATE_OF_BIRTH,
                Fixtures.POSTCODE, Fixtures.NOTES, "SACRAL", "Mallory", "call me", "not-an-address", "000-00-0000",
                "2023-02-30", "Ysolde", "nnnnnnnn", "xxxxxxxx", "99999999");
        assertThat(Intakes.count(aws)).as("items stored").isEqualTo(before);
    }

    @Test
    void aBodyOfExactly64KiBIsAccepted(LocalAws aws) {
        Answer plain = Post.text(paddedTo(MAX)).to(handler);
        Answer encoded = Post.base64(paddedTo(MAX).getBytes(StandardCharsets.UTF_8)).to(handler);

        assertThat(plain.assertCreated()).isNotNull();
        assertThat(encoded.assertCreated()).isNotNull();
    }

    static Stream<Arguments> verbatim() {
        return Stream.of(
                Arguments.of("emoji and accents in the name", "/patient/name", Fixtures.EMOJI_NAME),
                Arguments.of("right-to-left text in the name", "/patient/name", Fixtures.RTL_NAME),
                Arguments.of("script-looking notes", "/notes", Fixtures.SCRIPT_NOTES),
                Arguments.of("SQL-looking notes", "/notes", Fixtures.SQL_NOTES),
                Arguments.of("tabs, line breaks, quotes and backslashes in notes", "/notes", Fixtures.CONTROL_NOTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbatim")
    void oddButValidTextIsAcceptedAndStoredVerbatim(String description, String pointer, String value, LocalAws aws) {
        int before = Intakes.count(aws);

        Answer answer = Post.form(TestForms.with(typical(), pointer, value)).to(handler);

        String id = answer.assertReceipt("CONSULT_TEAM_WILL_CONTACT");
        assertThat(answer.body()).doesNotContain(value);
        IntakeRecord stored = Intakes.repository(aws).get(id).orElseThrow();
        assertThat(TestForms.tree(stored.formJson()).at(pointer).textValue()).isEqualTo(value);
        assertThat(Intakes.count(aws)).isEqualTo(before + 1);
    }

    /** Everything in one form, sent base64-encoded as a browser's binary upload would be. */
    @Test
    void oddTextInABase64BodyIsStoredVerbatimToo(LocalAws aws) {
        ObjectNode form = TestForms.with(TestForms.with(typical(), "/patient/name", Fixtures.RTL_NAME), "/notes",
                Fixtures.SQL_NOTES + " " + Fixtures.SCRIPT_NOTES);

        String id = Post.base64(TestForms.bytes(form)).to(handler).assertCreated();

        JsonNode stored = TestForms.tree(Intakes.repository(aws).get(id).orElseThrow().formJson());
        assertThat(stored.at("/patient/name").textValue()).isEqualTo(Fixtures.RTL_NAME);
        assertThat(stored.at("/notes").textValue()).isEqualTo(Fixtures.SQL_NOTES + " " + Fixtures.SCRIPT_NOTES);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application/json; charset=utf-8",
            "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", "Application/JSON"})
    void utf8JsonIsAcceptedHoweverItIsLabelled(String contentType) {
        assertThat(Post.form(typical()).contentType(contentType).to(handler).assertCreated()).isNotNull();
    }

    @Test
    void aMalformedPercentEscapeInTheTargetIsA400AndStoresNothing(LocalAws aws) {
        int before = Intakes.count(aws);
        Post post = Post.form(typical());
        APIGatewayV2HTTPEvent event = post.event();
        event.setRawQueryString("ref=%ZZ");
        Answer answer = Post.send(handler, event);
        answer.assertProblem(400);
        assertThat(answer.problemType()).isEqualTo(io.spineintake.platform.http.RequestTargets.MALFORMED_TARGET);
        assertThat(answer.pointers()).containsExactly("/query/ref");
        assertThat(Intakes.count(aws)).isEqualTo(before);
    }
}
