package io.spineintake.triage;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.triage.form.FormContract;
import io.spineintake.triage.form.FormReading;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Test documents and helpers for every module's form tests (shared as the engine's test-jar):
 * building intake forms as JSON trees, changing one value at a JSON pointer, and reading them
 * with the real contract. {@code with} and {@code without} return changed copies.
 */
public final class TestForms {
    /** "Today" for the contract tests: 2026-11-27. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    /** One contract for all tests: built once, as in production. */
    public static final FormContract CONTRACT = FormContract.load(CLOCK);
    /** A plain mapper for building test documents (lenient, unlike the contract's). */
    public static final ObjectMapper PLAIN = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TestForms() {
    }

    /** The smallest valid form: name, birth date, phone, both consents, one region. */
    public static ObjectNode minimal() {
        return (ObjectNode) tree("""
                {
                  "patient": {"name": "Test Patient", "dateOfBirth": "1970-05-05", "phone": "+1 555 0100"},
                  "consent": {"contact": true, "dataProcessing": true},
                  "pain": {"regions": [{"region": "LUMBAR"}]}
                }
                """);
    }

    public static JsonNode tree(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact JSON text, as JSON.stringify writes it. */
    public static String text(JsonNode doc) {
        try {
            return PLAIN.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode doc) {
        return utf8(text(doc));
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of {@code doc} with {@code value} at {@code pointer}; missing parent objects are created. */
    public static ObjectNode with(ObjectNode doc, String pointer, JsonNode value) {
        ObjectNode copy = doc.deepCopy();
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(p.head());
        if (parent.isMissingNode()) {
            parent = copy.withObject(p.head());
        }
        if (parent instanceof ArrayNode array) {
            int index = p.last().getMatchingIndex();
            if (index == array.size()) {
                array.add(value);
            } else {
                array.set(index, value);
            }
        } else {
            ((ObjectNode) parent).set(p.last().getMatchingProperty(), value);
        }
        return copy;
    }

    public static ObjectNode with(ObjectNode doc, String pointer, String text) {
        return with(doc, pointer, NODES.textNode(text));
    }

    public static ObjectNode with(ObjectNode doc, String pointer, int number) {
        return with(doc, pointer, NODES.numberNode(number));
    }

    /** A copy of {@code doc} without the property at {@code pointer}. */
    public static ObjectNode without(ObjectNode doc, String pointer) {
        ObjectNode copy = doc.deepCopy();
        JsonPointer p = JsonPointer.compile(pointer);
        ((ObjectNode) copy.at(p.head())).remove(p.last().getMatchingProperty());
        return copy;
    }

    /** {@code doc} as text with the JSON at {@code pointer} replaced by {@code rawJson} (for what a tree cannot hold). */
    public static String withRaw(ObjectNode doc, String pointer, String rawJson) {
        return text(with(doc, pointer, "@@RAW@@")).replace("\"@@RAW@@\"", rawJson);
    }

    /** The byte arrays one after another. */
    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    public static byte[] resource(String path) {
        try (InputStream in = TestForms.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FormReading read(JsonNode doc) {
        return CONTRACT.read(bytes(doc));
    }

    public static FormReading read(String json) {
        return CONTRACT.read(utf8(json));
    }
}
