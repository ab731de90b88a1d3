package io.spineintake.triage.form;

import io.spineintake.triage.TestForms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schema describes exactly the JSON form of {@link IntakeForm}: property names are the record
 * component names, enum values the Java constants; every object closed, every string, number and
 * array bounded, every optional answer nullable.
 */
class FormSchemaShapeTest {

    static final JsonNode SCHEMA = TestForms.tree(new String(
            TestForms.resource(FormContract.SCHEMA_RESOURCE), java.nio.charset.StandardCharsets.UTF_8));

    /** The required properties of each record; everything else is optional. */
    static final Map<Class<?>, Set<String>> REQUIRED = Map.of(
            IntakeForm.class, Set.of("patient", "consent", "pain"),
            Patient.class, Set.of("name", "dateOfBirth"),
            Consent.class, Set.of("contact", "dataProcessing"),
            Pain.class, Set.of("regions"),
            RegionPain.class, Set.of("region"));

    @Test
    void schemaIsDraft202012WithItsId() {
        assertThat(SCHEMA.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(SCHEMA.get("$id").asText()).isEqualTo(FormContract.SCHEMA_ID);
    }

    @Test
    void schemaMatchesTheRecordsExactly() {
        List<String> problems = new ArrayList<>();
        checkRecord(IntakeForm.class, SCHEMA, "IntakeForm", problems);

        assertThat(problems).isEmpty();
    }

    @Test
    void patientNeedsAPhoneOrAnEmail() {
        JsonNode anyOf = resolve(SCHEMA.at("/properties/patient")).get("anyOf");

        assertThat(anyOf).hasSize(2);
        assertThat(anyOf.get(0).get("required").get(0).asText()).isEqualTo("phone");
        assertThat(anyOf.get(1).get("required").get(0).asText()).isEqualTo("email");
    }

    @Test
    void regionsAreOneToThree() {
        JsonNode regions = resolve(SCHEMA.at("/properties/pain")).at("/properties/regions");

        assertThat(regions.get("minItems").asInt()).isEqualTo(1);
        assertThat(regions.get("maxItems").asInt()).isEqualTo(3);
    }

    @Test
    void limitsAreThoseOfTheForm() {
        Map<String, String> limits = Map.of(
                "/$defs/Patient/properties/name", "1..200",
                "/$defs/Patient/properties/phone", "3..32",
                "/$defs/Patient/properties/email", "3..254",
                "/$defs/Patient/properties/postcode", "1..16",
                "/$defs/Patient/properties/language", "2..35",
                "/properties/notes", "0..4000");
        limits.forEach((pointer, range) -> {
            JsonNode node = SCHEMA.at(pointer);
            assertThat(node.path("minLength").asInt(0) + ".." + node.get("maxLength").asInt()).as(pointer).isEqualTo(range);
        });
        Map<String, String> numbers = Map.of(
                "/$defs/Score", "0..10",
                "/$defs/RegionPain/properties/durationMonths", "0..600",
                "/$defs/Treatment/properties/weeks", "0..520",
                "/$defs/PriorProcedure/properties/reliefPercent", "0..100",
                "/$defs/PriorProcedure/properties/reliefHours", "0..8760",
                "/$defs/PriorProcedure/properties/monthsAgo", "0..600");
        numbers.forEach((pointer, range) -> {
            JsonNode node = SCHEMA.at(pointer);
            assertThat(node.get("minimum").asText() + ".." + node.get("maximum").asText()).as(pointer).isEqualTo(range);
        });
        assertThat(SCHEMA.at("/$defs/Score/type").toString()).isEqualTo("[\"integer\",\"null\"]");
        assertThat(SCHEMA.at("/$defs/Patient/properties/dateOfBirth/format").asText()).isEqualTo("date");
        assertThat(SCHEMA.at("/$defs/Patient/properties/email/format").asText()).isEqualTo("email");
    }

    static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertThat(ref).startsWith("#/");
            node = SCHEMA.at(ref.substring(1));
            assertThat(node.isMissingNode()).as(ref).isFalse();
        }
        return node;
    }

    static void checkRecord(Class<?> type, JsonNode schema, String where, List<String> problems) {
        if (!schema.path("additionalProperties").isBoolean() || schema.get("additionalProperties").asBoolean()) {
            problems.add(where + ": additionalProperties must be false");
        }
        if (!types(schema).contains("object")) {
            problems.add(where + ": type must be object");
        }
        Set<String> components = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.add(c.getName());
        }
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        if (!properties.equals(components)) {
            problems.add(where + ": properties " + properties + " but record components " + components);
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        if (!required.equals(REQUIRED.getOrDefault(type, Set.of()))) {
            problems.add(where + ": required " + required);
        }
        boolean nullable = types(schema).contains("null");
        if (nullable == REQUIRED.keySet().contains(type) && type != IntakeForm.class) {
            problems.add(where + ": object nullable=" + nullable);
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode raw = schema.get("properties").get(c.getName());
            if (raw == null) {
                continue;
            }
            checkComponent(c, resolve(raw), where + "." + c.getName(), !required.contains(c.getName()), problems);
        }
    }

    static void checkComponent(RecordComponent c, JsonNode s, String where, boolean optional, List<String> problems) {
        Class<?> t = c.getType();
        Set<String> types = types(s);
        boolean allowsNull = types.contains("null") || containsNull(s.get("enum"));
        if (t.isEnum()) {
            List<String> constants = Arrays.stream(t.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            List<String> values = new ArrayList<>();
            s.path("enum").forEach(v -> {
                if (!v.isNull()) {
                    values.add(v.asText());
                }
            });
            if (!values.equals(constants)) {
                problems.add(where + ": enum " + values + " but Java " + constants);
            }
        } else if (t == String.class || t == LocalDate.class) {
            if (!types.contains("string") || !s.has("maxLength")) {
                problems.add(where + ": must be a string with maxLength");
            }
            if (t == LocalDate.class && !"date".equals(s.path("format").asText())) {
                problems.add(where + ": must have format date");
            }
        } else if (t == Integer.class || t == Double.class) {
            String expected = t == Integer.class ? "integer" : "number";
            if (!types.contains(expected) || !s.has("minimum") || !s.has("maximum")) {
                problems.add(where + ": must be " + expected + " with minimum and maximum");
            }
        } else if (t == Boolean.class) {
            if (!s.path("const").isBoolean() || !s.get("const").asBoolean()) {
                problems.add(where + ": consent must be const true");
            }
        } else if (t == List.class) {
            Class<?> item = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
            if (!types.contains("array") || !s.has("maxItems") || !s.has("minItems")) {
                problems.add(where + ": must be an array with minItems and maxItems");
            }
            checkRecord(item, resolve(s.get("items")), where + "[]", problems);
        } else if (t.isRecord()) {
            checkRecord(t, s, where, problems);
        } else {
            problems.add(where + ": unexpected Java type " + t);
        }
        if (!t.isRecord() && t != List.class && optional != allowsNull) {
            problems.add(where + ": optional=" + optional + " but allows null=" + allowsNull);
        }
    }

    static Set<String> types(JsonNode s) {
        Set<String> out = new HashSet<>();
        JsonNode type = s.get("type");
        if (type == null) {
            return out;
        }
        if (type.isArray()) {
            type.forEach(x -> out.add(x.asText()));
        } else {
            out.add(type.asText());
        }
        return out;
    }

    static boolean containsNull(JsonNode values) {
        if (values == null) {
            return false;
        }
        for (JsonNode v : values) {
            if (v.isNull()) {
                return true;
            }
        }
        return false;
    }
}
