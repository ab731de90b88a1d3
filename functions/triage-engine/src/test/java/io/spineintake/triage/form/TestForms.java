package io.spineintake.triage.form;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test documents and helpers for the form contract tests. */
final class TestForms {
    /** "Today" for every contract test: 2026-11-27. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    /** One contract for all tests: built once, as in production. */
    static final FormContract CONTRACT = FormContract.load(CLOCK);
    /** A plain mapper for building test documents (lenient, unlike the contract's). */
    static final ObjectMapper PLAIN = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TestForms() {
    }

    /** The smallest valid form: name, birth date, phone, both consents, one region. */
    static ObjectNode minimal() {
        return (ObjectNode) tree("""
                {
                  "patient": {"name": "Test Patient", "dateOfBirth": "1970-05-05", "phone": "+1 555 0100"},
                  "consent": {"contact": true, "dataProcessing": true},
                  "pain": {"regions": [{"region": "LUMBAR"}]}
                }
                """);
    }

    static JsonNode tree(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code doc} with {@code value} set at {@code pointer}; missing parent objects are created. */
    static ObjectNode with(ObjectNode doc, String pointer, JsonNode value) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = doc.at(p.head());
        if (parent.isMissingNode()) {
            parent = doc.withObject(p.head());
        }
        String last = p.last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            int index = p.last().getMatchingIndex();
            if (index == array.size()) {
                array.add(value);
            } else {
                array.set(index, value);
            }
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return doc;
    }

    static ObjectNode with(ObjectNode doc, String pointer, String text) {
        return with(doc, pointer, NODES.textNode(text));
    }

    static ObjectNode without(ObjectNode doc, String pointer) {
        JsonPointer p = JsonPointer.compile(pointer);
        ((ObjectNode) doc.at(p.head())).remove(p.last().getMatchingProperty());
        return doc;
    }

    static byte[] bytes(JsonNode doc) {
        try {
            return PLAIN.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] resource(String path) {
        try (InputStream in = TestForms.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FormReading read(JsonNode doc) {
        return CONTRACT.read(bytes(doc));
    }

    static FormReading read(String json) {
        return CONTRACT.read(utf8(json));
    }
}
