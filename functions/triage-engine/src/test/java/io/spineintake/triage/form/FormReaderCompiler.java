package io.spineintake.triage.form;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes {@code IntakeFormReader.java} from the form's records: a tree-to-record mapping that
 * gives what Jackson databind's {@code treeToValue(tree, IntakeForm.class)} gave for a document
 * the schema accepts (property names are component names, enum values constant names, absent and
 * null alike), without databind building its reflective record deserialisers at the first request.
 *
 * <p>Only the component types the form uses are understood; any other stops the compiler.
 */
final class FormReaderCompiler {

    static final Path GENERATED = Path.of("src/main/java/io/spineintake/triage/form/IntakeFormReader.java");

    private final Set<Class<?>> records = new LinkedHashSet<>();
    private final Set<Class<?>> enums = new LinkedHashSet<>();
    private final Set<Class<?>> lists = new LinkedHashSet<>();

    private FormReaderCompiler() {
    }

    static String compile() {
        return new FormReaderCompiler().source();
    }

    private String source() {
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(IntakeForm.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.removeFirst();
            if (!records.add(type)) {
                continue;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                Class<?> t = c.getType();
                if (t.isRecord()) {
                    todo.addLast(t);
                } else if (t.isEnum()) {
                    enums.add(t);
                } else if (t == List.class) {
                    Class<?> element = element(c);
                    if (!element.isRecord()) {
                        throw new IllegalArgumentException("list of " + element + " is not supported");
                    }
                    lists.add(element);
                    todo.addLast(element);
                } else if (t != String.class && t != Integer.class && t != Double.class && t != Boolean.class
                        && t != LocalDate.class) {
                    throw new IllegalArgumentException(type.getSimpleName() + "." + c.getName() + ": " + t
                            + " is not supported");
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("""
                // GENERATED from the intake form's records by FormReaderCompiler (triage-engine test sources): do not edit.
                // IntakeFormValidatorIsCurrentTest fails when this file and the records differ. To regenerate:
                //   %s
                package io.spineintake.triage.form;

                import com.fasterxml.jackson.databind.JsonNode;
                import java.time.LocalDate;
                import java.util.ArrayList;
                import java.util.List;

                /**
                 * Maps a document IntakeFormValidator accepted to an {@link IntakeForm}, as Jackson databind
                 * would: a property absent or null gives null, which the records' constructors make blank.
                 */
                final class IntakeFormReader {
                    private IntakeFormReader() {
                    }

                    /** The form in {@code document}, which must have passed IntakeFormValidator. */
                    static IntakeForm read(JsonNode document) {
                        return readIntakeForm(document);
                    }
                """.formatted(SchemaCompiler.REGENERATE));
        for (Class<?> type : records) {
            out.append("\n    private static ").append(type.getSimpleName()).append(" read").append(type.getSimpleName())
                    .append("(JsonNode node) {\n");
            out.append("        if (node == null || node.isNull()) {\n            return null;\n        }\n");
            out.append("        return new ").append(type.getSimpleName()).append("(");
            RecordComponent[] components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                out.append(i == 0 ? "\n" : ",\n").append("                ").append(reader(c))
                        .append("(node.get(").append(SchemaCompiler.literal(c.getName())).append("))");
            }
            out.append(");\n    }\n");
        }
        for (Class<?> element : lists) {
            String name = element.getSimpleName();
            out.append("\n    private static List<").append(name).append("> list").append(name).append("(JsonNode node) {\n");
            out.append("        if (node == null || node.isNull()) {\n            return null;\n        }\n");
            out.append("        List<").append(name).append("> out = new ArrayList<>(node.size());\n");
            out.append("        for (JsonNode item : node) {\n            out.add(read").append(name).append("(item));\n        }\n");
            out.append("        return out;\n    }\n");
        }
        for (Class<?> e : enums) {
            String name = e.getSimpleName();
            out.append("\n    private static ").append(name).append(" read").append(name).append("(JsonNode node) {\n");
            out.append("        return node == null || node.isNull() ? null : ").append(name)
                    .append(".valueOf(node.textValue());\n    }\n");
        }
        out.append("""

                    private static String readString(JsonNode node) {
                        return node == null || node.isNull() ? null : node.textValue();
                    }

                    private static Boolean readBoolean(JsonNode node) {
                        return node == null || node.isNull() ? null : node.booleanValue();
                    }

                    /** A whole number: the schema allows 3.0 for 3, which databind reads as 3 too. */
                    private static Integer readInteger(JsonNode node) {
                        return node == null || node.isNull() ? null : node.intValue();
                    }

                    private static Double readDouble(JsonNode node) {
                        return node == null || node.isNull() ? null : node.doubleValue();
                    }

                    /** A date the schema's "date" format accepted: exactly YYYY-MM-DD. */
                    private static LocalDate readLocalDate(JsonNode node) {
                        return node == null || node.isNull() ? null : LocalDate.parse(node.textValue());
                    }
                }
                """);
        return out.toString();
    }

    private static String reader(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == List.class) {
            return "list" + element(c).getSimpleName();
        }
        return "read" + t.getSimpleName();
    }

    private static Class<?> element(RecordComponent c) {
        Type generic = c.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e) {
            return e;
        }
        throw new IllegalArgumentException(c + " is not a list of a class");
    }
}
