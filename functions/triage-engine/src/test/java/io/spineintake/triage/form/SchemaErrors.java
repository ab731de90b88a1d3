package io.spineintake.triage.form;

import io.spineintake.triage.JsonPointer;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the networknt schema validator's errors into violations: how FormContract validated forms
 * before IntakeFormValidator, kept as the reference IntakeFormValidatorEquivalenceTest holds the
 * generated validator to. Every message is written here from the schema keyword and the schema's
 * own value (a limit, the allowed names); the validator's own messages are never used, since some
 * of them quote the value that was sent.
 */
final class SchemaErrors {
    private SchemaErrors() {
    }

    /** Messages for "pattern", by the property the pattern belongs to. */
    static final Map<String, String> PATTERN_MESSAGES = Map.of(
            "name", "must not be blank or contain control characters",
            "notes", "must not contain control characters other than tab and line breaks",
            "phone", "must be a phone number: digits, spaces, brackets, dots or hyphens, optionally starting with +",
            "postcode", "must contain only letters, digits, spaces and hyphens",
            "language", "must be a language tag such as en or pt-BR");

    /** Messages for "anyOf", by the pointer of the object it applies to. */
    static final Map<String, String> ANY_OF_MESSAGES = Map.of(
            "/patient", "must give a phone number or an email address");
    static final String PATTERN_DEFAULT = "is not in the expected form";
    static final String ANY_OF_DEFAULT = "does not match any allowed form";

    /** The schema as FormContract loaded it: draft 2020-12, format assertions on, every $ref resolved. */
    static Schema loadSchema() {
        JsonNode schemaNode = SchemaCompiler.schema();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                // draft 2020-12 treats "format" as an annotation by default: we want it asserted
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
        Schema schema = registry.getSchema(schemaNode);
        schema.initializeValidators();
        return schema;
    }

    static void translate(List<Error> errors, List<Violation> out) {
        for (Error e : errors) {
            String at = pointer(e.getInstanceLocation());
            if (underAnyOf(e.getEvaluationPath())) {
                // A failed anyOf reports each branch's errors; the rule broken is the anyOf itself.
                String owner = "required".equals(e.getKeyword()) ? at : Pointers.parent(at);
                out.add(new Violation(owner, ANY_OF_MESSAGES.getOrDefault(owner, ANY_OF_DEFAULT)));
                continue;
            }
            out.add(violation(e, at));
        }
    }

    private static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append('/');
            sb.append(element instanceof String s ? JsonPointer.escape(s) : String.valueOf(element));
        }
        return sb.toString();
    }

    private static boolean underAnyOf(NodePath evaluationPath) {
        for (int i = 0; i < evaluationPath.getNameCount(); i++) {
            if ("anyOf".equals(evaluationPath.getElement(i))) {
                return true;
            }
        }
        return false;
    }

    private static Violation violation(Error e, String at) {
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        JsonNode limit = e.getSchemaNode();
        switch (keyword) {
            case "required":
                return new Violation(JsonPointer.child(at, String.valueOf(e.getProperty())), "is required");
            case "additionalProperties":
            case "unevaluatedProperties":
                return new Violation(JsonPointer.child(at, String.valueOf(e.getProperty())), "is not allowed here");
            case "type":
                return new Violation(at, typeMessage(limit));
            case "enum":
                return new Violation(at, "must be one of " + allowed(limit));
            case "const":
                return new Violation(at, "must be " + (limit == null ? "the fixed value" : limit.toString()));
            case "minimum":
                return new Violation(at, "must be at least " + text(limit));
            case "maximum":
                return new Violation(at, "must be at most " + text(limit));
            case "exclusiveMinimum":
                return new Violation(at, "must be more than " + text(limit));
            case "exclusiveMaximum":
                return new Violation(at, "must be less than " + text(limit));
            case "minLength":
                return new Violation(at, limit != null && limit.asInt() == 1
                        ? "must not be empty"
                        : "must be at least " + text(limit) + " characters");
            case "maxLength":
                return new Violation(at, "must be at most " + text(limit) + " characters");
            case "minItems":
                return new Violation(at, "must have at least " + items(limit));
            case "maxItems":
                return new Violation(at, "must have at most " + items(limit));
            case "uniqueItems":
                return new Violation(at, "must not list the same item twice");
            case "pattern":
                return new Violation(at, PATTERN_MESSAGES.getOrDefault(lastToken(at), PATTERN_DEFAULT));
            case "format":
                return new Violation(at, formatMessage(limit == null ? "" : limit.asText()));
            default:
                return new Violation(at, "is not valid");
        }
    }

    private static String typeMessage(JsonNode type) {
        List<String> names = new ArrayList<>();
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    names.add(typeName(t.asText()));
                }
            }
        } else if (type != null) {
            names.add(typeName(type.asText()));
        }
        return names.isEmpty() ? "must be empty (null)" : "must be " + String.join(" or ", names);
    }

    static String typeName(String type) {
        switch (type) {
            case "object":
                return "an object";
            case "array":
                return "an array";
            case "string":
                return "a string";
            case "integer":
                return "a whole number";
            case "number":
                return "a number";
            case "boolean":
                return "true or false";
            default:
                return type;
        }
    }

    private static String allowed(JsonNode values) {
        List<String> names = new ArrayList<>();
        if (values != null) {
            for (JsonNode v : values) {
                if (!v.isNull()) {
                    names.add(v.isTextual() ? v.textValue() : v.toString());
                }
            }
        }
        return String.join(", ", names);
    }

    static String formatMessage(String format) {
        switch (format) {
            case "date":
                return "must be a real calendar date written YYYY-MM-DD";
            case "email":
                return "must be an email address";
            default:
                return "is not in the expected format";
        }
    }

    static String items(JsonNode limit) {
        String n = text(limit);
        return n + ("1".equals(n) ? " item" : " items");
    }

    private static String text(JsonNode limit) {
        return limit == null ? "?" : limit.asText();
    }

    private static String lastToken(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
