package io.spineintake.triage.form;

import io.spineintake.triage.GeneratedForms;
import io.spineintake.triage.TestForms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated IntakeFormValidator finds exactly the violations networknt's validator did,
 * through SchemaErrors, as FormContract reported them before (sorted, repeats dropped): for every
 * test form the engine has, for each of them changed at every JSON pointer in the ways a sender
 * gets a form wrong, and for random forms and changes.
 */
class IntakeFormValidatorEquivalenceTest {

    static final Schema NETWORKNT = SchemaErrors.loadSchema();
    /** The contract's own parser, so number and text nodes are the kinds a real request gives. */
    static final ObjectMapper MAPPER = FormContract.newMapper();

    static final List<String> VIGNETTES = List.of("V01", "V02", "V03", "V04", "V05", "V06", "V07", "V08", "V09",
            "V10", "V11", "V12", "V13", "V14", "V15", "V16", "V17", "V18");

    /** Values put in place of whatever a pointer holds, as raw JSON text (some a tree cannot hold as such). */
    static final List<String> REPLACEMENTS = List.of(
            "null", "true", "false", "0", "-1", "1", "10", "11", "600", "601", "8760", "8761", "36501",
            "1.5", "3.0", "-0.0", "0.0", "10.000001", "1e2", "1e400", "-1e400", "99999999999999999999",
            "-99999999999999999999", "\"\"", "\" \"", "\"x\"", "\"YES\"", "\"yes\"", "\"LUMBAR\"", "\"NOT_TRIED\"",
            "\"\\u0001\"", "\"a\\n\"", "\"a\\nb\"", "\"\\tTab\"", "\"a\\u007f\"", "\"\\uD83D\\uDE00\"",
            "\"1970-05-05\"", "\"a@b.co\"", "\"+1 555 0100\"", "\"en\"", "\"" + "a".repeat(4001) + "\"",
            "\"" + "\uD83D\uDE00".repeat(200) + "\"", "\"" + "\uD83D\uDE00".repeat(201) + "\"",
            "{}", "[]", "[null]", "{\"extra\": 1}", "[\"YES\"]", "[{}]");

    static List<Violation> reference(JsonNode tree) {
        List<Violation> out = new ArrayList<>();
        SchemaErrors.translate(NETWORKNT.validate(tree), out);
        return normalised(out);
    }

    static List<Violation> generated(JsonNode tree) {
        List<Violation> out = new ArrayList<>();
        IntakeFormValidator.check(tree, out);
        return normalised(out);
    }

    /** As FormContract.finish orders them and drops repeats, without its cap, so nothing past 50 hides. */
    static List<Violation> normalised(List<Violation> violations) {
        TreeSet<Violation> sorted = new TreeSet<>((a, b) -> {
            int c = a.pointer().compareTo(b.pointer());
            return c != 0 ? c : a.message().compareTo(b.message());
        });
        sorted.addAll(violations);
        return new ArrayList<>(sorted);
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks one document, as text; returns the violations, so callers can also see that some were found. */
    static List<Violation> assertSame(String what, String json) {
        JsonNode tree = parse(json);
        List<Violation> expected;
        try {
            expected = reference(tree);
        } catch (NumberFormatException e) {
            // networknt's enum check turns the number into a BigDecimal, which an infinite one (1e400)
            // cannot be: it threw, and FormContract answered "could not be read". The one place the
            // generated validator differs on purpose: the value is refused like any other not listed.
            assertThat(hasInfiniteNumber(tree)).as("%s: networknt failed on %s", what, json).isTrue();
            List<Violation> found = generated(tree);
            assertThat(found).as(what).isNotEmpty();
            return found;
        }
        assertThat(generated(tree)).as("%s: %s", what, json.length() > 300 ? json.substring(0, 300) + "..." : json)
                .isEqualTo(expected);
        return expected;
    }

    static boolean hasInfiniteNumber(JsonNode node) {
        if (node.isDouble() && Double.isInfinite(node.doubleValue())) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasInfiniteNumber(child)) {
                return true;
            }
        }
        return false;
    }

    static Stream<String> forms() {
        List<String> forms = new ArrayList<>();
        for (String id : VIGNETTES) {
            forms.add("/vignettes/" + id + ".json");
        }
        forms.add("/forms/typical.json");
        forms.add("minimal");
        return forms.stream();
    }

    static ObjectNode form(String name) {
        if (name.equals("minimal")) {
            return TestForms.minimal();
        }
        return (ObjectNode) parse(TestForms.resource(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyTestFormIsValidForBoth(String name) {
        assertThat(assertSame(name, text(form(name)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyValueOfEveryTestFormReplacedOrRemovedGivesTheSameViolations(String name) {
        ObjectNode form = form(name);
        List<String> pointers = new ArrayList<>();
        pointers(form, "", pointers);
        int refused = 0;
        int checked = 0;
        for (String pointer : pointers) {
            for (String mutated : mutations(form, pointer)) {
                checked++;
                if (!assertSame(name + " at " + pointer, mutated).isEmpty()) {
                    refused++;
                }
            }
        }
        // the changes must mostly break the form, or the comparison proves little
        assertThat(refused).as("forms refused of %s", checked).isGreaterThan(checked / 2);
    }

    /** Every JSON pointer in {@code node}, the whole document's ("") first. */
    static void pointers(JsonNode node, String at, List<String> out) {
        out.add(at);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                pointers(f.getValue(), at + "/" + io.spineintake.triage.JsonPointer.escape(f.getKey()), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers(node.get(i), at + "/" + i, out);
            }
        }
    }

    /** The form as text with the value at {@code pointer} removed, replaced, or grown in the ways a sender errs. */
    static List<String> mutations(ObjectNode form, String pointer) {
        List<String> out = new ArrayList<>();
        for (String raw : REPLACEMENTS) {
            out.add(pointer.isEmpty() ? raw : TestForms.withRaw(form, pointer, raw));
        }
        JsonNode target = form.at(pointer);
        if (!pointer.isEmpty()) {
            com.fasterxml.jackson.core.JsonPointer p = com.fasterxml.jackson.core.JsonPointer.compile(pointer);
            JsonNode parent = form.at(p.head());
            if (parent.isObject()) {
                out.add(text(TestForms.without(form, pointer)));
            } else if (parent.isArray()) {
                ObjectNode copy = form.deepCopy();
                ((ArrayNode) copy.at(p.head())).remove(p.last().getMatchingIndex());
                out.add(text(copy));
            }
        }
        if (target.isObject()) {
            for (String name : List.of("extra", "a/b~c", "", "Name", "\uD83D\uDE00")) {
                ObjectNode copy = form.deepCopy();
                JsonNode t = copy.at(pointer);
                ((ObjectNode) t).put(name, 1);
                out.add(text(copy));
            }
            ObjectNode emptied = form.deepCopy();
            ((ObjectNode) emptied.at(pointer)).removeAll();
            out.add(text(emptied));
        }
        if (target.isArray() && target.size() > 0) {
            ObjectNode doubled = form.deepCopy();
            ArrayNode array = (ArrayNode) doubled.at(pointer);
            array.add(array.get(0).deepCopy());
            out.add(text(doubled));
            array.add(array.get(0).deepCopy());
            array.add(array.get(0).deepCopy());
            out.add(text(doubled));
            ObjectNode emptied = form.deepCopy();
            ((ArrayNode) emptied.at(pointer)).removeAll();
            out.add(text(emptied));
        }
        if (target.isTextual()) {
            String s = target.textValue();
            for (String changed : List.of(s + "\u0000", s + "\n", s + "\r\n", " " + s, s + " ", s.toLowerCase(),
                    s.repeat(20), s + "\uD83D\uDE00", s.isEmpty() ? "x" : s.substring(1))) {
                out.add(text(TestForms.with(form, pointer, changed)));
            }
        }
        return out;
    }

    /** Text that is nearly a date, or nearly an email address, or a phone number, a postcode, a language. */
    static final Map<String, List<String>> TRICKY_TEXT = Map.of(
            "/patient/dateOfBirth", List.of("1970-05-05", "1970-5-5", "1970-02-29", "1972-02-29", "2000-02-29",
                    "1900-02-29", "1970-13-01", "1970-00-10", "1970-01-00", "1970-01-32", "1970-04-31", "0000-01-01",
                    "9999-12-31", "+1970-01-01", "-1970-01-01", "+10000-01-01", "19700-01-01", "1970/05/05",
                    "1970-05-05T00:00", "1970-05-05Z", " 1970-05-05", "1970-05-05 ", "\u0661\u0669\u0667\u0660-05-05",
                    "１９７０-05-05", "1970-05-5 ", "197O-05-05", "", "1970-05-05\n", "2026-11-28", "1899-12-31"),
            "/patient/email", List.of("a@b.co", "a@b", "a@localhost", "a@com", "a@.com", "a.@b.com", ".a@b.com",
                    "a..b@c.com", "\"a b\"@c.com", "a@b.c", "a@b.zzz", "a@b.museum", "a@b.xn--p1ai", "a@пример.рф",
                    "а@b.com", "a@b..com", "a@-b.com", "a@b-.com", "a@b.com.", "a@[1.2.3.4]", "a@[01.2.3.4]",
                    "a@[256.1.1.1]", "a@[IPv6:::1]", "a@[IPv6:2001:db8::1]", "a@[::1]", "a@[1::2::3]", "a@[fe80::1%eth0]",
                    "a@[IPv6:1:2:3:4:5:6:7:8:9]", "a@[1:2:3:4:5:6:1.2.3.4]", "a@[::ffff:1.2.3.4/64]", "a@[::1/129]",
                    "a@b@c.com", "@b.com", "a@", "a b@c.com", "a\\@b@c.com", "a(b)@c.com", "a'b@c.com",
                    "x".repeat(64) + "@b.com", "x".repeat(65) + "@b.com", "a@" + "b".repeat(63) + ".com",
                    "a@" + "b".repeat(64) + ".com", "a@" + ("b".repeat(60) + ".").repeat(5) + "com", "A@B.COM",
                    "a@b.co\n", "a@b.co ", "a@1.2.3.4", "a@b_c.com", "a@b.1com", "a@b.c0m", "a@xn--80ak6aa92e.com",
                    "a@b.ＣＯＭ", "a@b。com", "a@b.com。", "a@\u00e9.fr"),
            "/patient/phone", List.of("+1 555 0100", "555", "5a5", "(555) 010-0100", "+(5)", "++1 555", "+1 555 0100 ",
                    "1.2", "12", "+12", "١٢٣"),
            "/patient/postcode", List.of("SW1A 1AA", "-SW1", "a", "ab_c", "12345-6789", "a\n", "ünchen"),
            "/patient/language", List.of("en", "pt-BR", "e", "eng", "engl", "en-", "en-abcdefghi", "en-abcdefgh",
                    "zh-Hant-TW", "en_US", "EN", "en\n"),
            "/patient/name", List.of(" ", "\t", "a\tb", "Ann\n", "\n", "Zoë", "\u00a0", "\u2003", "A\u007f", "\u0085",
                    "  x  "),
            "/notes", List.of("\t", "a\nb", "a\r\nb", "a\u000bb", "a\u000cb", "\u0000", "\u007f", "\u0085", "ok"));

    @Test
    void textNearlyRightGivesTheSameViolations() {
        int refused = 0;
        int checked = 0;
        for (Map.Entry<String, List<String>> field : TRICKY_TEXT.entrySet()) {
            for (String value : field.getValue()) {
                checked++;
                ObjectNode form = TestForms.with(TestForms.minimal(), field.getKey(), value);
                if (!assertSame(field.getKey() + " = " + value, text(form)).isEmpty()) {
                    refused++;
                }
            }
        }
        assertThat(refused).as("refused of %s", checked).isBetween(checked / 4, checked - checked / 10);
    }

    @Test
    void textAtEveryLengthLimitGivesTheSameViolations() {
        List<String> fields = List.of("/patient/name", "/patient/dateOfBirth", "/patient/phone", "/patient/email",
                "/patient/postcode", "/patient/language", "/notes");
        int[] lengths = {0, 1, 2, 3, 4, 9, 10, 11, 15, 16, 17, 31, 32, 33, 34, 35, 36, 199, 200, 201, 253, 254, 255,
                3999, 4000, 4001};
        for (String field : fields) {
            for (int n : lengths) {
                // letters, an emoji (two UTF-16 units, one character), and an email address of that length
                List<String> values = new ArrayList<>(List.of("a".repeat(n), "\uD83D\uDE00".repeat(n),
                        "1".repeat(n)));
                if (n >= 6) {
                    values.add("a@" + "b".repeat(n - 6) + ".com");
                }
                for (String value : values) {
                    String json = TestForms.withRaw(TestForms.minimal(), field, "\"" + value + "\"");
                    assertSame(field + " of " + n, json);
                }
            }
        }
    }

    @Test
    void contactRulesGiveTheSameViolations() {
        ObjectNode noContact = TestForms.without(TestForms.minimal(), "/patient/phone");
        List<String> cases = List.of(
                text(noContact),
                text(TestForms.with(noContact, "/patient/email", "a@b.co")),
                text(TestForms.with(noContact, "/patient/email", "not an email")),
                TestForms.withRaw(noContact, "/patient/email", "null"),
                TestForms.withRaw(noContact, "/patient/email", "5"),
                TestForms.withRaw(TestForms.minimal(), "/patient/phone", "null"),
                TestForms.withRaw(TestForms.minimal(), "/patient/phone", "[]"),
                TestForms.withRaw(TestForms.with(TestForms.minimal(), "/patient/email", "a@b.co"), "/patient/phone", "null"),
                TestForms.withRaw(TestForms.with(noContact, "/patient/email", TestForms.NODES.nullNode()), "/patient/phone", "null"),
                text(TestForms.with(noContact, "/patient/extra", "x")));
        List<List<Violation>> seen = new ArrayList<>();
        for (String json : cases) {
            seen.add(assertSame("contact", json));
        }
        assertThat(seen.get(0)).contains(new Violation("/patient", "must give a phone number or an email address"));
    }

    @Property(tries = 300)
    void randomFormsWithRandomChangesGiveTheSameViolations(@ForAll("changedForms") String json) {
        assertSame("random", json);
    }

    @Provide
    Arbitrary<String> changedForms() {
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 10_000).list().ofMinSize(0).ofMaxSize(4);
        return Combinators.combine(GeneratedForms.forms(), picks).as((builder, choices) -> {
            ObjectNode form = (ObjectNode) parse(text(builder.json()));
            String json = text(form);
            for (int choice : choices) {
                ObjectNode current = (ObjectNode) parse(json);
                List<String> pointers = new ArrayList<>();
                pointers(current, "", pointers);
                String pointer = pointers.get(choice % pointers.size());
                List<String> changed = mutations(current, pointer);
                String next = changed.get((choice / pointers.size()) % changed.size());
                JsonNode tree = parse(next);
                if (!tree.isObject()) {
                    return next;
                }
                json = next;
            }
            return json;
        });
    }

    @Property(tries = 500)
    void randomTextInEveryTextFieldGivesTheSameViolations(@ForAll("fields") String pointer, @ForAll("texts") String value) {
        assertSame(pointer, text(TestForms.with(TestForms.minimal(), pointer, value)));
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("/patient/name", "/patient/dateOfBirth", "/patient/phone", "/patient/email",
                "/patient/postcode", "/patient/language", "/notes", "/patient/preferredContact",
                "/pain/regions/0/region", "/pain/mainRegion");
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> dateLike = Arbitraries.strings().withChars("0123456789-+T:Z ").ofMinLength(8).ofMaxLength(12);
        Arbitrary<String> emailLike = Arbitraries.strings().withChars("ab.@-_[]:\"\\ 1IPv6").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u0020').withChars("aZ9\u007f\u0085")
                .ofMaxLength(6);
        return Arbitraries.oneOf(dateLike, emailLike, any, controls, GeneratedForms.answer().injectNull(0));
    }
}
