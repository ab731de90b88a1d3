package io.spineintake.triage.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.org.apache.commons.validator.routines.DomainValidator;
import com.networknt.schema.regex.RegularExpressions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@code IntakeFormValidator.java} from {@code intake-form.schema.json}: plain Java that
 * walks the Jackson tree and adds the violations SchemaErrors made from networknt's errors, so the
 * function validates forms without loading a schema library at cold start.
 *
 * <p>Only the keywords the schema uses are understood; any other keyword stops the compiler
 * rather than being silently ignored. Message wording follows SchemaErrors (kept in the tests as
 * the reference the equivalence test compares against).
 */
final class SchemaCompiler {

    /** The generated source, relative to the triage-engine module (the tests' working directory). */
    static final Path GENERATED = Path.of("src/main/java/io/spineintake/triage/form/IntakeFormValidator.java");
    static final String REGENERATE =
            "mvn -B -pl functions/triage-engine test -Dtest=IntakeFormValidatorIsCurrentTest -Dregenerate=true";

    // Messages come from SchemaErrors, the translation of networknt's errors the generated code must equal.

    private static final Set<String> IGNORED = Set.of("$schema", "$id", "title", "description", "$defs");
    private static final Set<String> UNDERSTOOD = Set.of("$ref", "type", "enum", "const", "properties", "required",
            "additionalProperties", "anyOf", "items", "minItems", "maxItems", "minLength", "maxLength", "pattern",
            "format", "minimum", "maximum");

    private final JsonNode schema;
    /** Static fields of the generated class, by name: their declarations. */
    private final Map<String, String> constants = new LinkedHashMap<>();
    /** The $defs entry being compiled, for naming constants. */
    private String currentDef;
    private final StringBuilder methods = new StringBuilder();
    private int vars;

    private SchemaCompiler(JsonNode schema) {
        this.schema = schema;
    }

    /** The schema from the engine's resources. */
    static JsonNode schema() {
        try (InputStream in = SchemaCompiler.class.getResourceAsStream(FormContract.SCHEMA_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java source of IntakeFormValidator for {@code schema}. */
    static String compile(JsonNode schema) {
        return new SchemaCompiler(schema).source();
    }

    private String source() {
        method("Form", schema);
        Iterator<Map.Entry<String, JsonNode>> defs = schema.path("$defs").fields();
        while (defs.hasNext()) {
            Map.Entry<String, JsonNode> def = defs.next();
            method(def.getKey(), def.getValue());
        }
        StringBuilder out = new StringBuilder();
        out.append("""
                // GENERATED from intake-form.schema.json by SchemaCompiler (triage-engine test sources): do not edit.
                // IntakeFormValidatorIsCurrentTest fails when this file and the schema differ. To regenerate:
                //   %s
                package io.spineintake.triage.form;

                import com.fasterxml.jackson.databind.JsonNode;
                import io.spineintake.triage.JsonPointer;
                import java.util.ArrayList;
                import java.util.Iterator;
                import java.util.List;
                import java.util.regex.Pattern;

                /**
                 * The intake form schema as code: adds to {@code out} the violations the schema finds in a
                 * parsed document (pointers and messages as FormContract reports them), in no particular order.
                 */
                final class IntakeFormValidator {
                    private IntakeFormValidator() {
                    }

                """.formatted(REGENERATE));
        for (String declaration : constants.values()) {
            out.append("    ").append(declaration).append('\n');
        }
        out.append("""

                    /** Checks a whole document against the schema. */
                    static void check(JsonNode document, List<Violation> out) {
                        checkForm(document, "", null, out);
                    }

                    /**
                     * The checks for one schema take the value, its parent's pointer and its own reference
                     * token (null for the document itself), so a property that passes costs no string work.
                     */
                    private static String pointer(String parent, String token) {
                        return token == null ? parent : parent + "/" + token;
                    }

                    private static void fail(List<Violation> out, String parent, String token, String message) {
                        out.add(new Violation(pointer(parent, token), message));
                    }
                """);
        out.append(methods);
        out.append("""

                    private static String anyOfMessage(String owner) {
                        switch (owner) {
                """);
        for (Map.Entry<String, String> m : new java.util.TreeMap<>(SchemaErrors.ANY_OF_MESSAGES).entrySet()) {
            out.append("            case ").append(literal(m.getKey())).append(":\n");
            out.append("                return ").append(literal(m.getValue())).append(";\n");
        }
        out.append("            default:\n");
        out.append("                return ").append(literal(SchemaErrors.ANY_OF_DEFAULT)).append(";\n");
        out.append("        }\n    }\n");
        out.append(topLevelDomains());
        out.append("}\n");
        return out.toString();
    }

    /** The top-level domains networknt's email check knows, for FormChecks.isEmail; sorted for binary search. */
    private static String topLevelDomains() {
        Set<String> names = new TreeSet<>();
        for (DomainValidator.ArrayType type : List.of(DomainValidator.ArrayType.GENERIC_RO,
                DomainValidator.ArrayType.COUNTRY_CODE_RO, DomainValidator.ArrayType.INFRASTRUCTURE_RO,
                DomainValidator.ArrayType.LOCAL_RO)) {
            names.addAll(List.of(DomainValidator.getTLDEntries(type)));
        }
        StringBuilder out = new StringBuilder();
        out.append("""

                    /** The top-level domains an email address may end in: the list networknt's validator used. */
                    static final class TopLevelDomains {
                        private TopLevelDomains() {
                        }

                        /** Sorted, for binary search; one string rather than an array literal, to keep the class small. */
                        static final String[] NAMES = (""
                """);
        StringBuilder line = new StringBuilder();
        for (String name : names) {
            if (line.length() + name.length() > 90) {
                out.append("                + ").append(literal(line.toString())).append('\n');
                line = new StringBuilder();
            }
            line.append(name).append(' ');
        }
        out.append("                + ").append(literal(line.toString().trim())).append(").split(\" \");\n");
        out.append("    }\n");
        return out.toString();
    }

    private void method(String def, JsonNode node) {
        currentDef = def;
        methods.append("\n    private static void check").append(def)
                .append("(JsonNode node, String at, String name, List<Violation> out) {\n");
        Body body = new Body(2);
        Ptr self;
        if (node.has("properties") || node.has("items") || node.has("anyOf") || node.has("required")) {
            body.line("String here = pointer(at, name);");
            self = new Ptr("here", null);
        } else {
            self = new Ptr("at", "name");
        }
        compile(node, "node", self, null, null, body);
        methods.append(body.text);
        methods.append("    }\n");
    }

    /**
     * A JSON pointer as Java expressions: the parent's pointer and the (escaped) last token, or
     * the whole pointer in {@code parent} when {@code token} is null.
     */
    private record Ptr(String parent, String token) {
        String expr() {
            if (token == null) {
                return parent;
            }
            if (token.startsWith("\"")) {
                return parent + " + " + "\"/" + token.substring(1);
            }
            return "pointer(" + parent + ", " + token + ")";
        }

        Ptr child(String name) {
            return new Ptr(expr(), literal(io.spineintake.triage.JsonPointer.escape(name)));
        }
    }

    /** Where errors go: straight to {@code out}, or (inside an anyOf branch) to the branch's failures. */
    private record Sink(String failures) {
    }

    private static final class Body {
        final StringBuilder text = new StringBuilder();
        int depth;

        Body(int depth) {
            this.depth = depth;
        }

        void line(String s) {
            text.append("    ".repeat(depth)).append(s).append('\n');
        }

        void open(String s) {
            line(s + " {");
            depth++;
        }

        void close() {
            depth--;
            line("}");
        }
    }

    /**
     * Statements checking the value in {@code v} (a Java expression) at pointer {@code at} (a Java
     * expression) against {@code node}; {@code property} names the property the value is under,
     * when known, for the pattern messages.
     */
    private void compile(JsonNode node, String v, Ptr ptr, String property, Sink sink, Body b) {
        String at = ptr.expr();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!IGNORED.contains(k) && !UNDERSTOOD.contains(k)) {
                throw new IllegalArgumentException("schema keyword not supported by SchemaCompiler: " + k);
            }
        }
        if (node.has("$ref")) {
            if (sink != null) {
                throw new IllegalArgumentException("$ref inside anyOf is not supported");
            }
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/$defs/") || !schema.path("$defs").has(ref.substring(8))) {
                throw new IllegalArgumentException("unsupported $ref " + ref);
            }
            b.line("check" + ref.substring(8) + "(" + v + ", " + ptr.parent() + ", "
                    + (ptr.token() == null ? "null" : ptr.token()) + ", out);");
        }
        if (node.has("type")) {
            compileType(node.get("type"), v, ptr, sink, b);
        }
        if (node.has("enum")) {
            compileEnum(node.get("enum"), v, ptr, property, sink, b);
        }
        if (node.has("const")) {
            JsonNode c = node.get("const");
            String test;
            if (c.isBoolean()) {
                test = v + ".isBoolean() && " + (c.booleanValue() ? "" : "!") + v + ".booleanValue()";
            } else if (c.isTextual()) {
                test = v + ".isTextual() && " + literal(c.textValue()) + ".equals(" + v + ".textValue())";
            } else {
                throw new IllegalArgumentException("const " + c + " is not supported");
            }
            b.open("if (!(" + test + "))");
            error("const", ptr, ptr, "must be " + c, sink, b);
            b.close();
        }
        compileString(node, v, ptr, property, sink, b);
        compileNumber(node, v, ptr, sink, b);
        compileObject(node, v, ptr, sink, b);
        compileArray(node, v, ptr, sink, b);
        if (node.has("anyOf")) {
            compileAnyOf(node.get("anyOf"), v, ptr, property, sink, b);
        }
    }

    private void compileType(JsonNode type, String v, Ptr ptr, Sink sink, Body b) {
        List<String> tests = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode t : type.isArray() ? (Iterable<JsonNode>) type : List.of(type)) {
            String name = t.asText();
            tests.add(typeTest(name, v));
            if (!"null".equals(name)) {
                names.add(SchemaErrors.typeName(name));
            }
        }
        String message = names.isEmpty() ? "must be empty (null)" : "must be " + String.join(" or ", names);
        b.open("if (!(" + String.join(" || ", tests) + "))");
        error("type", ptr, ptr, message, sink, b);
        b.close();
    }

    private static String typeTest(String type, String v) {
        switch (type) {
            case "object":
                return v + ".isObject()";
            case "array":
                return v + ".isArray()";
            case "string":
                return v + ".isTextual()";
            case "integer":
                return "FormChecks.isWholeNumber(" + v + ")";
            case "number":
                return v + ".isNumber()";
            case "boolean":
                return v + ".isBoolean()";
            case "null":
                return v + ".isNull()";
            default:
                throw new IllegalArgumentException("unknown type " + type);
        }
    }

    private void compileEnum(JsonNode values, String v, Ptr ptr, String property, Sink sink, Body b) {
        boolean allowsNull = false;
        List<String> texts = new ArrayList<>();
        for (JsonNode value : values) {
            if (value.isNull()) {
                allowsNull = true;
            } else if (value.isTextual()) {
                texts.add(value.textValue());
            } else {
                throw new IllegalArgumentException("enum value " + value + " is not supported");
            }
        }
        String constant = constantName(currentDef) + (property == null ? "" : "_" + constantName(property)) + "_VALUES";
        constant(constant, "String[]", "{" + literals(texts) + "}");
        String test = (allowsNull ? v + ".isNull() || " : "") + "FormChecks.isOneOf(" + v + ", " + constant + ")";
        b.open("if (!(" + test + "))");
        error("enum", ptr, ptr, "must be one of " + String.join(", ", texts), sink, b);
        b.close();
    }

    /** Declares a static field of the generated class; one name, one value. */
    private void constant(String name, String type, String value) {
        String declaration = "private static final " + type + " " + name + " = " + value + ";";
        String previous = constants.putIfAbsent(name, declaration);
        if (previous != null && !previous.equals(declaration)) {
            throw new IllegalArgumentException("two different constants named " + name);
        }
    }

    private static String literals(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            out.add(literal(t));
        }
        return String.join(", ", out);
    }

    private void compileString(JsonNode node, String v, Ptr ptr, String property, Sink sink, Body b) {
        if (!node.has("minLength") && !node.has("maxLength") && !node.has("pattern") && !node.has("format")) {
            return;
        }
        b.open("if (" + v + ".isTextual())");
        String s = "s" + (++vars);
        b.line("String " + s + " = " + v + ".textValue();");
        if (node.has("minLength") || node.has("maxLength")) {
            String n = "length" + vars;
            b.line("int " + n + " = FormChecks.length(" + s + ");");
            if (node.has("minLength")) {
                JsonNode limit = node.get("minLength");
                b.open("if (" + n + " < " + limit.asInt() + ")");
                error("minLength", ptr, ptr, limit.asInt() == 1 ? "must not be empty"
                        : "must be at least " + limit.asText() + " characters", sink, b);
                b.close();
            }
            if (node.has("maxLength")) {
                JsonNode limit = node.get("maxLength");
                b.open("if (" + n + " > " + limit.asInt() + ")");
                error("maxLength", ptr, ptr, "must be at most " + limit.asText() + " characters", sink, b);
                b.close();
            }
        }
        if (node.has("pattern")) {
            if (property == null) {
                throw new IllegalArgumentException("pattern outside a named property is not supported");
            }
            String constant = constantName(property) + "_PATTERN";
            // networknt's own rewriting of the ECMA-262 pattern for java.util.regex, matched with find()
            String regex = RegularExpressions.replaceLongformCharacterProperties(
                    RegularExpressions.replaceDollarAnchors(node.get("pattern").asText()));
            constant(constant, "Pattern", "Pattern.compile(" + literal(regex) + ")");
            b.open("if (!" + constant + ".matcher(" + s + ").find())");
            error("pattern", ptr, ptr, SchemaErrors.PATTERN_MESSAGES.getOrDefault(property, SchemaErrors.PATTERN_DEFAULT), sink, b);
            b.close();
        }
        if (node.has("format")) {
            String format = node.get("format").asText();
            String test;
            switch (format) {
                case "date":
                    test = "FormChecks.isDate(" + s + ")";
                    break;
                case "email":
                    test = "FormChecks.isEmail(" + s + ")";
                    break;
                default:
                    throw new IllegalArgumentException("format " + format + " is not supported");
            }
            b.open("if (!" + test + ")");
            error("format", ptr, ptr, SchemaErrors.formatMessage(format), sink, b);
            b.close();
        }
        b.close();
    }

    private void compileNumber(JsonNode node, String v, Ptr ptr, Sink sink, Body b) {
        if (!node.has("minimum") && !node.has("maximum")) {
            return;
        }
        b.open("if (" + v + ".isNumber())");
        for (String keyword : List.of("minimum", "maximum")) {
            JsonNode limit = node.get(keyword);
            if (limit == null) {
                continue;
            }
            if (!limit.canConvertToLong() || !limit.isIntegralNumber()) {
                throw new IllegalArgumentException(keyword + " " + limit + " is not a whole number");
            }
            boolean min = keyword.equals("minimum");
            b.open("if (FormChecks." + (min ? "isBelow" : "isAbove") + "(" + v + ", " + limit.asLong() + "L))");
            error(keyword, ptr, ptr, (min ? "must be at least " : "must be at most ") + limit.asText(), sink, b);
            b.close();
        }
        b.close();
    }

    private void compileObject(JsonNode node, String v, Ptr ptr, Sink sink, Body b) {
        String at = ptr.expr();
        if (!node.has("properties") && !node.has("required") && !node.has("additionalProperties")) {
            return;
        }
        JsonNode additional = node.get("additionalProperties");
        if (additional != null && !(additional.isBoolean() && !additional.booleanValue())) {
            throw new IllegalArgumentException("additionalProperties other than false is not supported");
        }
        boolean closed = additional != null;
        b.open("if (" + v + ".isObject())");
        for (JsonNode r : node.path("required")) {
            String name = r.asText();
            b.open("if (!" + v + ".has(" + literal(name) + "))");
            error("required", ptr, ptr.child(name), "is required", sink, b);
            b.close();
        }
        String known = "known" + (++vars);
        if (closed) {
            b.line("int " + known + " = 0;");
        }
        Iterator<Map.Entry<String, JsonNode>> props = node.path("properties").fields();
        List<String> names = new ArrayList<>();
        // properties that are only a $ref to a shared definition, by definition: checked in a loop
        Map<String, List<String>> byRef = new LinkedHashMap<>();
        List<Map.Entry<String, JsonNode>> others = new ArrayList<>();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> p = props.next();
            names.add(p.getKey());
            JsonNode ref = p.getValue().get("$ref");
            boolean onlyRef = ref != null && sink == null && p.getValue().size() == (p.getValue().has("description") ? 2 : 1);
            if (onlyRef) {
                byRef.computeIfAbsent(ref.asText(), r -> new ArrayList<>()).add(p.getKey());
            } else {
                others.add(p);
            }
        }
        for (Map.Entry<String, List<String>> group : byRef.entrySet()) {
            if (group.getValue().size() < 3) {
                for (String n : group.getValue()) {
                    others.add(Map.entry(n, node.get("properties").get(n)));
                }
                continue;
            }
            String target = group.getKey().substring(8);
            String constant = constantName(currentDef) + "_" + constantName(target) + "_PROPERTIES";
            List<String> tokens = new ArrayList<>();
            for (String n : group.getValue()) {
                tokens.add(io.spineintake.triage.JsonPointer.escape(n));
            }
            constant(constant, "String[]", "{" + literals(tokens) + "}");
            String property = "property" + (++vars);
            String c = "value" + vars;
            b.open("for (String " + property + " : " + constant + ")");
            b.line("JsonNode " + c + " = " + v + ".get(" + property + ");");
            b.open("if (" + c + " != null)");
            if (closed) {
                b.line(known + "++;");
            }
            b.line("check" + target + "(" + c + ", " + at + ", " + property + ", out);");
            b.close();
            b.close();
        }
        for (Map.Entry<String, JsonNode> p : others) {
            String c = "value" + (++vars);
            b.line("JsonNode " + c + " = " + v + ".get(" + literal(p.getKey()) + ");");
            b.open("if (" + c + " != null)");
            if (closed) {
                b.line(known + "++;");
            }
            compile(p.getValue(), c, ptr.child(p.getKey()), p.getKey(), sink, b);
            b.close();
        }
        if (closed) {
            // only a document with an unknown property pays for looking at every name
            b.open("if (" + known + " != " + v + ".size())");
            String it = "names" + (++vars);
            b.open("for (Iterator<String> " + it + " = " + v + ".fieldNames(); " + it + ".hasNext(); )");
            String name = "name" + vars;
            b.line("String " + name + " = " + it + ".next();");
            String constant = constantName(currentDef) + "_PROPERTY_NAMES";
            constant(constant, "String[]", "{" + literals(names) + "}");
            b.open("if (!FormChecks.isOneOf(" + name + ", " + constant + "))");
            error("additionalProperties", ptr, new Ptr("JsonPointer.child(" + at + ", " + name + ")", null), "is not allowed here",
                    sink, b);
            b.close();
            b.close();
            b.close();
        }
        b.close();
    }

    private void compileArray(JsonNode node, String v, Ptr ptr, Sink sink, Body b) {
        String at = ptr.expr();
        if (!node.has("items") && !node.has("minItems") && !node.has("maxItems")) {
            return;
        }
        b.open("if (" + v + ".isArray())");
        String size = "size" + (++vars);
        b.line("int " + size + " = " + v + ".size();");
        if (node.has("minItems")) {
            int limit = node.get("minItems").asInt();
            b.open("if (" + size + " < " + limit + ")");
            error("minItems", ptr, ptr, "must have at least " + SchemaErrors.items(node.get("minItems")), sink, b);
            b.close();
        }
        if (node.has("maxItems")) {
            int limit = node.get("maxItems").asInt();
            b.open("if (" + size + " > " + limit + ")");
            error("maxItems", ptr, ptr, "must have at most " + SchemaErrors.items(node.get("maxItems")), sink, b);
            b.close();
        }
        if (node.has("items")) {
            String i = "i" + (++vars);
            b.open("for (int " + i + " = 0; " + i + " < " + size + "; " + i + "++)");
            compile(node.get("items"), v + ".get(" + i + ")", new Ptr(at, "Integer.toString(" + i + ")"), null, sink, b);
            b.close();
        }
        b.close();
    }

    private void compileAnyOf(JsonNode branches, String v, Ptr ptr, String property, Sink sink, Body b) {
        if (sink != null) {
            throw new IllegalArgumentException("anyOf inside anyOf is not supported");
        }
        // a failed anyOf is one rule broken: SchemaErrors names the object, whichever branch failed how
        String failures = "anyOf" + (++vars);
        b.line("List<String> " + failures + " = new ArrayList<>();");
        String failed = "failedBranches" + vars;
        b.line("int " + failed + " = 0;");
        for (JsonNode branch : branches) {
            String mark = "mark" + (++vars);
            b.line("int " + mark + " = " + failures + ".size();");
            compile(branch, v, ptr, property, new Sink(failures), b);
            b.open("if (" + failures + ".size() > " + mark + ")");
            b.line(failed + "++;");
            b.close();
        }
        b.open("if (" + failed + " == " + branches.size() + ")");
        b.open("for (String owner : " + failures + ")");
        b.line("out.add(new Violation(owner, anyOfMessage(owner)));");
        b.close();
        b.close();
    }

    /**
     * One error: {@code location} is where the validator reports it (the object, for required and
     * unknown properties), {@code pointer} where the violation points.
     */
    private static void error(String keyword, Ptr location, Ptr pointer, String message, Sink sink, Body b) {
        if (sink == null && pointer.token() == null) {
            b.line("out.add(new Violation(" + pointer.parent() + ", " + literal(message) + "));");
        } else if (sink == null) {
            b.line("fail(out, " + pointer.parent() + ", " + pointer.token() + ", " + literal(message) + ");");
        } else if ("required".equals(keyword)) {
            b.line(sink.failures() + ".add(" + location.expr() + ");");
        } else {
            b.line(sink.failures() + ".add(Pointers.parent(" + location.expr() + "));");
        }
    }

    private static String constantName(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        // octal, not a unicode escape: javac reads those before the lexer, a CR one would end the line
                        sb.append(String.format("\\%03o", (int) c));
                    } else if (c > 0x7E) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
