package io.spineintake.triage.form;

import io.spineintake.triage.TestForms;

import static io.spineintake.triage.TestForms.CONTRACT;
import static io.spineintake.triage.TestForms.NODES;
import static io.spineintake.triage.TestForms.bytes;
import static io.spineintake.triage.TestForms.concat;
import static io.spineintake.triage.TestForms.minimal;
import static io.spineintake.triage.TestForms.utf8;
import static io.spineintake.triage.TestForms.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever arrives, read() answers with violations pointing at the field, and never throws. */
class FormContractHostileInputTest {

    static Violation v(String pointer, String message) {
        return new Violation(pointer, message);
    }

    /** The minimal valid form as text, with the value at {@code pointer} replaced by raw JSON text. */
    static String minimalWithRaw(String pointer, String rawJson) {
        return TestForms.withRaw(minimal(), pointer, rawJson);
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static Stream<Arguments> hostile() {
        String valid = new String(bytes(minimal()), StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("empty body", new byte[0], List.of(v("", "is empty"))),
                Arguments.of("whitespace only", utf8("  \n\t "), List.of(v("", "is empty"))),
                Arguments.of("invalid UTF-8 byte", concat(utf8("{\"patient\":{\"name\":\"Bad "),
                        new byte[] {(byte) 0xFF}, utf8("\"}}")), List.of(v("", "is not valid UTF-8 text"))),
                Arguments.of("overlong UTF-8 encoding", concat(utf8("{\"notes\":\""),
                        new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\"}")), List.of(v("", "is not valid UTF-8 text"))),
                Arguments.of("UTF-8-encoded surrogate", concat(utf8("{\"notes\":\""),
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}")),
                        List.of(v("", "is not valid UTF-8 text"))),
                Arguments.of("truncated UTF-8 sequence", concat(utf8("{\"notes\":\"x"), new byte[] {(byte) 0xE2, (byte) 0x82}),
                        List.of(v("", "is not valid UTF-8 text"))),
                Arguments.of("UTF-16 text", valid.getBytes(StandardCharsets.UTF_16LE),
                        List.of(v("", "is not valid JSON"))),
                Arguments.of("not JSON", utf8("name=Test&dob=1970-05-05"), List.of(v("", "is not valid JSON"))),
                Arguments.of("unquoted word", utf8("{\"patient\": ZQX7731}"), List.of(v("", "is not valid JSON"))),
                Arguments.of("truncated JSON", utf8(valid.substring(0, valid.length() - 5)), List.of(v("", "is not valid JSON"))),
                Arguments.of("single quotes", utf8("{'patient': {}}"), List.of(v("", "is not valid JSON"))),
                Arguments.of("comment", utf8("/* hi */" + valid), List.of(v("", "is not valid JSON"))),
                Arguments.of("NaN literal", utf8(minimalWithRaw("/pain/nrs/now", "NaN")), List.of(v("", "is not valid JSON"))),
                Arguments.of("array at top level", utf8("[" + valid + "]"), List.of(v("", "must be an object"))),
                Arguments.of("string at top level", utf8("\"ZQX7731\""), List.of(v("", "must be an object"))),
                Arguments.of("number at top level", utf8("7"), List.of(v("", "must be an object"))),
                Arguments.of("null at top level", utf8("null"), List.of(v("", "must be an object"))),
                Arguments.of("true at top level", utf8("true"), List.of(v("", "must be an object"))),
                Arguments.of("trailing garbage", utf8(valid + " xyz"),
                        List.of(v("", "has content after the end of the JSON document"))),
                Arguments.of("two documents", utf8(valid + valid),
                        List.of(v("", "has content after the end of the JSON document"))),
                Arguments.of("trailing brace", utf8(valid + "}"),
                        List.of(v("", "has content after the end of the JSON document"))),
                Arguments.of("thousands of nested arrays", utf8(nested(5000)),
                        List.of(v("", "is nested more than 64 levels deep"))),
                Arguments.of("thousands of nested objects in a field",
                        utf8(minimalWithRaw("/notes", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000))),
                        List.of(v("", "is nested more than 64 levels deep"))),
                Arguments.of("duplicate key", utf8("{\"patient\":{\"name\":\"A\",\"name\":\"B\"}}"),
                        List.of(v("/patient/name", "is given more than once"))),
                Arguments.of("duplicate key at top level", utf8(valid.substring(0, valid.length() - 1)
                                + ",\"consent\":{\"contact\":true,\"dataProcessing\":true}}"),
                        List.of(v("/consent", "is given more than once"))),
                Arguments.of("string over 64 KiB", bytes(with(minimal(), "/notes", "x".repeat(70_000))),
                        List.of(v("/notes", "is too long"))),
                Arguments.of("property name over 256 characters",
                        bytes(with(minimal(), "/patient/" + "k".repeat(300), "x")),
                        List.of(v("", "has a property name longer than 256 characters"))),
                Arguments.of("number as string", bytes(with(minimal(), "/pain/nrs/now", "7")),
                        List.of(v("/pain/nrs/now", "must be a whole number"))),
                Arguments.of("fraction where integer", bytes(with(minimal(), "/pain/nrs/now", NODES.numberNode(7.5))),
                        List.of(v("/pain/nrs/now", "must be a whole number"))),
                Arguments.of("1e400 where integer", utf8(minimalWithRaw("/pain/nrs/now", "1e400")),
                        List.of(v("/pain/nrs/now", "must be a whole number"), v("/pain/nrs/now", "must be at most 10"))),
                Arguments.of("1e400 where number", utf8(minimalWithRaw("/treatments/priorMedialBranchBlock/reliefHours", "1e400")),
                        List.of(v("/treatments/priorMedialBranchBlock/reliefHours", "must be at most 8760"))),
                Arguments.of("-1e400 where number", utf8(minimalWithRaw("/treatments/priorMedialBranchBlock/reliefHours", "-1e400")),
                        List.of(v("/treatments/priorMedialBranchBlock/reliefHours", "must be at least 0"))),
                Arguments.of("huge integer", bytes(with(minimal(), "/pain/regions/0/durationMonths",
                                NODES.numberNode(new BigInteger("123456789012345678901234567890")))),
                        List.of(v("/pain/regions/0/durationMonths", "must be at most 600"))),
                Arguments.of("thousand-digit number", utf8(minimalWithRaw("/pain/nrs/now", "9".repeat(1500))),
                        List.of(v("/pain/nrs/now", "is a number with too many digits"))),
                Arguments.of("boolean where integer", bytes(with(minimal(), "/pain/nrs/now", NODES.booleanNode(true))),
                        List.of(v("/pain/nrs/now", "must be a whole number"))),
                Arguments.of("NRS above 10", bytes(with(minimal(), "/pain/nrs/worst", NODES.numberNode(11))),
                        List.of(v("/pain/nrs/worst", "must be at most 10"))),
                Arguments.of("NRS below 0", bytes(with(minimal(), "/pain/nrs/average", NODES.numberNode(-1))),
                        List.of(v("/pain/nrs/average", "must be at least 0"))),
                Arguments.of("PEG above 10", bytes(with(minimal(), "/pain/peg/generalActivity", NODES.numberNode(12))),
                        List.of(v("/pain/peg/generalActivity", "must be at most 10"))),
                Arguments.of("duration over 600 months", bytes(with(minimal(), "/pain/regions/0/durationMonths", NODES.numberNode(601))),
                        List.of(v("/pain/regions/0/durationMonths", "must be at most 600"))),
                Arguments.of("weeks over 520", bytes(with(minimal(), "/treatments/physicalTherapy/weeks", NODES.numberNode(521))),
                        List.of(v("/treatments/physicalTherapy/weeks", "must be at most 520"))),
                Arguments.of("relief over 100 percent", bytes(with(minimal(), "/treatments/priorMedialBranchBlock/reliefPercent",
                                NODES.numberNode(101))),
                        List.of(v("/treatments/priorMedialBranchBlock/reliefPercent", "must be at most 100"))),
                Arguments.of("relief hours over a year", bytes(with(minimal(), "/treatments/priorRadiofrequencyAblation/reliefHours",
                                NODES.numberNode(new BigDecimal("8760.5")))),
                        List.of(v("/treatments/priorRadiofrequencyAblation/reliefHours", "must be at most 8760"))),
                Arguments.of("negative months ago", bytes(with(minimal(), "/treatments/priorMedialBranchBlock/monthsAgo",
                                NODES.numberNode(-3))),
                        List.of(v("/treatments/priorMedialBranchBlock/monthsAgo", "must be at least 0"))),
                Arguments.of("unknown top-level field", bytes(with(minimal(), "/isAdmin", NODES.booleanNode(true))),
                        List.of(v("/isAdmin", "is not allowed here"))),
                Arguments.of("unknown nested field", bytes(with(minimal(), "/pain/regions/0/worseWith/dancing", "YES")),
                        List.of(v("/pain/regions/0/worseWith/dancing", "is not allowed here"))),
                Arguments.of("unknown field with ~ and / in its name", bytes(with(minimal(), "/patient/a~0b~1c", "x")),
                        List.of(v("/patient/a~0b~1c", "is not allowed here"))),
                Arguments.of("unknown field named with an emoji", bytes(with(minimal(), "/patient/\uD83D\uDE00", "x")),
                        List.of(v("/patient/\uD83D\uDE00", "is not allowed here"))),
                Arguments.of("name as a number", bytes(with(minimal(), "/patient/name", NODES.numberNode(5))),
                        List.of(v("/patient/name", "must be a string"))),
                Arguments.of("relief hours as text", bytes(with(minimal(), "/treatments/priorMedialBranchBlock/reliefHours", "3h")),
                        List.of(v("/treatments/priorMedialBranchBlock/reliefHours", "must be a number"))),
                Arguments.of("string over 64 KiB inside a list", bytes(with(minimal(), "/pain/regions/0/region", "L".repeat(70_000))),
                        List.of(v("/pain/regions/0/region", "is too long"))),
                Arguments.of("duplicate key inside a list", utf8(minimalWithRaw("/pain/regions/0",
                                "{\"region\":\"LUMBAR\",\"region\":\"LUMBAR\"}")),
                        List.of(v("/pain/regions/0/region", "is given more than once"))),
                Arguments.of("unknown enum value", bytes(with(minimal(), "/pain/regions/0/region", "SACRAL")),
                        List.of(v("/pain/regions/0/region", "must be one of CERVICAL, THORACIC, LUMBAR"))),
                Arguments.of("lower-case answer", bytes(with(minimal(), "/safety/saddleNumbness", "yes")),
                        List.of(v("/safety/saddleNumbness", "must be one of YES, NO, UNSURE"))),
                Arguments.of("boolean answer", bytes(with(minimal(), "/findings/fracture", NODES.booleanNode(false))),
                        List.of(v("/findings/fracture", "must be one of YES, NO, UNSURE"))),
                Arguments.of("unknown outcome", bytes(with(minimal(), "/treatments/analgesics/outcome", "MAYBE")),
                        List.of(v("/treatments/analgesics/outcome", "must be one of NOT_TRIED, HELPED, DID_NOT_HELP, COULD_NOT_TOLERATE"))),
                Arguments.of("group as a string", bytes(with(minimal(), "/safety", "none")),
                        List.of(v("/safety", "must be an object"))),
                Arguments.of("regions as an object", bytes(with(minimal(), "/pain/regions", NODES.objectNode())),
                        List.of(v("/pain/regions", "must be an array"))),
                Arguments.of("region entry null", bytes(with(minimal(), "/pain/regions/0", NODES.nullNode())),
                        List.of(v("/pain/regions/0", "must be an object"))),
                Arguments.of("lone surrogate escape", utf8(minimalWithRaw("/notes", "\"abc\\ud800def\"")),
                        List.of(v("/notes", "must be valid Unicode text"))),
                Arguments.of("phone with letters", bytes(with(minimal(), "/patient/phone", "call me")),
                        List.of(v("/patient/phone",
                                "must be a phone number: digits, spaces, brackets, dots or hyphens, optionally starting with +"))),
                Arguments.of("phone too long", bytes(with(minimal(), "/patient/phone", "1".repeat(33))),
                        List.of(v("/patient/phone", "must be at most 32 characters"))),
                Arguments.of("email not an address", bytes(with(minimal(), "/patient/email", "not-an-address")),
                        List.of(v("/patient/email", "must be an email address"))),
                Arguments.of("language not a tag", bytes(with(minimal(), "/patient/language", "English (UK)")),
                        List.of(v("/patient/language", "must be a language tag such as en or pt-BR"))),
                Arguments.of("postcode too long", bytes(with(minimal(), "/patient/postcode", "1".repeat(17))),
                        List.of(v("/patient/postcode", "must be at most 16 characters"))),
                Arguments.of("empty name", bytes(with(minimal(), "/patient/name", "")),
                        List.of(v("/patient/name", "must not be blank or contain control characters"),
                                v("/patient/name", "must not be empty"))),
                Arguments.of("blank name", bytes(with(minimal(), "/patient/name", "   ")),
                        List.of(v("/patient/name", "must not be blank or contain control characters"))),
                Arguments.of("name with a tab", bytes(with(minimal(), "/patient/name", "Ann\tLee")),
                        List.of(v("/patient/name", "must not be blank or contain control characters"))),
                Arguments.of("name with a newline", bytes(with(minimal(), "/patient/name", "Ann\nLee")),
                        List.of(v("/patient/name", "must not be blank or contain control characters"))),
                Arguments.of("name with NUL", bytes(with(minimal(), "/patient/name", "Ann\u0000")),
                        List.of(v("/patient/name", "must not be blank or contain control characters"))),
                Arguments.of("name with ESC", bytes(with(minimal(), "/patient/name", "\u001b[31mAnn")),
                        List.of(v("/patient/name", "must not be blank or contain control characters"))),
                Arguments.of("name with DEL", bytes(with(minimal(), "/patient/name", "Ann\u007f")),
                        List.of(v("/patient/name", "must not be blank or contain control characters"))),
                Arguments.of("name with U+FFFD", bytes(with(minimal(), "/patient/name", "Jos\uFFFD")),
                        List.of(v("/patient/name", "is not valid UTF-8 text"))),
                Arguments.of("U+FFFD as raw UTF-8 bytes", concat(utf8(minimalWithRaw("/patient/name", "\"Jos@@\"")
                                .split("@@")[0]), new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD},
                                utf8(minimalWithRaw("/patient/name", "\"Jos@@\"").split("@@")[1])),
                        List.of(v("/patient/name", "is not valid UTF-8 text"))),
                Arguments.of("phone with a newline", bytes(with(minimal(), "/patient/phone", "555\n0100")),
                        List.of(v("/patient/phone",
                                "must be a phone number: digits, spaces, brackets, dots or hyphens, optionally starting with +"))),
                Arguments.of("email with a control character", bytes(with(minimal(), "/patient/email", "a\u0007@example.org")),
                        List.of(v("/patient/email", "must be an email address"))),
                Arguments.of("postcode with a tab", bytes(with(minimal(), "/patient/postcode", "12\t345")),
                        List.of(v("/patient/postcode", "must contain only letters, digits, spaces and hyphens"))),
                Arguments.of("notes with a bell", bytes(with(minimal(), "/notes", "see\u0007me")),
                        List.of(v("/notes", "must not contain control characters other than tab and line breaks"))),
                Arguments.of("notes over 4000 characters", bytes(with(minimal(), "/notes", "n".repeat(4001))),
                        List.of(v("/notes", "must be at most 4000 characters"))),
                Arguments.of("missing patient name", bytes(TestForms.without(minimal(), "/patient/name")),
                        List.of(v("/patient/name", "is required"))),
                Arguments.of("missing everything", utf8("{}"),
                        List.of(v("/consent", "is required"), v("/pain", "is required"), v("/patient", "is required"))),
                Arguments.of("no phone and no email", bytes(TestForms.without(minimal(), "/patient/phone")),
                        List.of(v("/patient", "must give a phone number or an email address"))),
                Arguments.of("phone and email both null", bytes(with(with(minimal(), "/patient/phone", NODES.nullNode()),
                                "/patient/email", NODES.nullNode())),
                        List.of(v("/patient", "must give a phone number or an email address"))),
                Arguments.of("no regions", bytes(with(minimal(), "/pain/regions", NODES.arrayNode())),
                        List.of(v("/pain/regions", "must have at least 1 item"))),
                Arguments.of("four regions", bytes(with(minimal(), "/pain/regions", NODES.arrayNode()
                                .add(region("LUMBAR")).add(region("CERVICAL")).add(region("THORACIC")).add(region("LUMBAR")))),
                        List.of(v("/pain/regions", "must have at most 3 items"))),
                Arguments.of("region without its region", bytes(with(minimal(), "/pain/regions/0", NODES.objectNode())),
                        List.of(v("/pain/regions/0/region", "is required")))
        );
    }

    @Test
    void tabsAndLineBreaksStayAllowedWhereTheFieldAllowsThem() {
        ObjectNode doc = with(with(minimal(), "/notes", "line one\r\nline two\n\tindented"),
                "/patient/name", "Zoë O'Brien-Núñez 李");
        FormReading reading = CONTRACT.read(bytes(doc));
        assertThat(reading.violations()).isEmpty();
        assertThat(reading.form().notes()).isEqualTo("line one\r\nline two\n\tindented");
    }

    static ObjectNode region(String name) {
        return NODES.objectNode().put("region", name);
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileInputGivesViolationsAtTheField(String description, byte[] body, List<Violation> expected) {
        FormReading reading = CONTRACT.read(body);

        assertThat(reading.isValid()).isFalse();
        assertThat(reading.form()).isNull();
        assertThat(reading.violations()).containsExactlyElementsOf(expected);
    }

    @Test
    void nullBodyIsEmpty() {
        assertThat(CONTRACT.read(null).violations()).containsExactly(v("", "is empty"));
    }

    @Test
    void manyProblemsAreOrderedByPointerAndCappedAtFifty() {
        ObjectNode doc = minimal();
        for (int i = 0; i < 80; i++) {
            doc = with(doc, String.format("/extra%02d", i), "x");
        }
        doc = with(doc, "/pain/nrs/now", NODES.numberNode(99));
        doc = with(doc, "/consent/contact", NODES.booleanNode(false));

        List<Violation> violations = CONTRACT.read(bytes(doc)).violations();

        assertThat(violations).hasSize(FormContract.MAX_VIOLATIONS);
        assertThat(violations).isSortedAccordingTo(Comparator.comparing(Violation::pointer));
        assertThat(violations.get(0)).isEqualTo(v("/consent/contact", "must be true"));
        assertThat(violations.get(1)).isEqualTo(v("/extra00", "is not allowed here"));
        assertThat(violations.get(49)).isEqualTo(v("/extra48", "is not allowed here"));
    }

    @Test
    void documentWithTooManyValuesIsRefusedWhole() {
        ObjectNode doc = minimal();
        var big = NODES.arrayNode();
        for (int i = 0; i < 5000; i++) {
            big.add(region("LUMBAR"));
        }
        doc = with(doc, "/pain/regions", big);

        assertThat(CONTRACT.read(bytes(doc)).violations())
                .containsExactly(v("", "has more than 2000 values: too large for an intake form"));
    }

    @Test
    void randomBytesNeverThrow() {
        java.util.Random random = new java.util.Random(20261127);
        byte[] valid = bytes(minimal());
        for (int i = 0; i < 3000; i++) {
            byte[] body = valid.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            byte[] cut = java.util.Arrays.copyOf(body, random.nextInt(body.length + 1));
            assertThatCode(() -> {
                FormReading a = CONTRACT.read(body);
                FormReading b = CONTRACT.read(cut);
                assertThat(a.isValid() || !a.violations().isEmpty()).isTrue();
                assertThat(b.isValid() || !b.violations().isEmpty()).isTrue();
            }).doesNotThrowAnyException();
        }
    }

    /** Distinctive values sent in every kind of wrong place: no message may repeat them. */
    static Stream<Arguments> echoes() {
        String token = "ZQX7731";
        List<Arguments> cases = new ArrayList<>();
        for (String pointer : List.of("/patient/name", "/patient/phone", "/patient/email", "/patient/postcode",
                "/patient/language", "/patient/dateOfBirth", "/patient/preferredContact", "/pain/regions/0/region",
                "/pain/regions/0/spread", "/pain/mainRegion", "/pain/regions/0/worseWith/twisting",
                "/safety/saddleNumbness", "/treatments/analgesics/outcome", "/pain/nrs/now", "/consent/contact",
                "/treatments/priorMedialBranchBlock/anaesthetic", "/pain/regions/0/durationMonths")) {
            if (!pointer.equals("/patient/name")) { // any short name is a valid name
                cases.add(Arguments.of(pointer + " short", bytes(with(minimal(), pointer, token + "!@"))));
            }
            cases.add(Arguments.of(pointer + " long", bytes(with(minimal(), pointer, (token + " ").repeat(900)))));
        }
        cases.add(Arguments.of("number out of range", bytes(with(minimal(), "/pain/nrs/now", NODES.numberNode(7731987)))));
        cases.add(Arguments.of("negative number", bytes(with(minimal(), "/pain/regions/0/durationMonths",
                NODES.numberNode(-7731987)))));
        cases.add(Arguments.of("fraction", bytes(with(minimal(), "/pain/nrs/now", NODES.numberNode(7.731987)))));
        cases.add(Arguments.of("bad JSON", utf8("{\"patient\": " + token + "}")));
        cases.add(Arguments.of("bad JSON in string", utf8("{\"patient\": \"" + token + "\n\"}")));
        cases.add(Arguments.of("duplicate", utf8("{\"notes\":\"" + token + "\",\"notes\":\"" + token + "\"}")));
        cases.add(Arguments.of("trailing", utf8(new String(bytes(minimal()), StandardCharsets.UTF_8)
                + token)));
        cases.add(Arguments.of("very long", bytes(with(minimal(), "/notes", token.repeat(10_000)))));
        cases.add(Arguments.of("impossible date", bytes(with(minimal(), "/patient/dateOfBirth", "2023-02-30"))));
        cases.add(Arguments.of("future date", bytes(with(minimal(), "/patient/dateOfBirth", "2077-03-31"))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("echoes")
    void messagesNeverRepeatTheValueSent(String description, byte[] body) {
        List<Violation> violations = CONTRACT.read(body).violations();

        assertThat(violations).isNotEmpty();
        for (Violation violation : violations) {
            assertThat(violation.message())
                    .doesNotContainIgnoringCase("ZQX")
                    .doesNotContain("7731")
                    .doesNotContain("2023-02-30")
                    .doesNotContain("2077")
                    .doesNotContain("!@");
            assertThat(violation.pointer()).doesNotContainIgnoringCase("ZQX").doesNotContain("7731");
        }
    }
}
