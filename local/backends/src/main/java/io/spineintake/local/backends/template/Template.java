package io.spineintake.local.backends.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Typed-enough access to a parsed template (long-form intrinsics, see {@link CfnYaml}). */
public final class Template {

    public final Map<String, Object> root;

    public Template(Map<String, Object> root) {
        this.root = root;
    }

    public static Template parse(String yaml) {
        return new Template(CfnYaml.parse(yaml));
    }

    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    public Map<String, Object> resource(String logicalId) {
        return map(resources().get(logicalId));
    }

    /** Logical id -> resource, for every resource of this type, in template order. */
    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(map(r).get("Type"))) {
                found.put(id, map(r));
            }
        });
        return found;
    }

    public Map<String, Object> globalFunction() {
        return map(map(root.get("Globals")).get("Function"));
    }

    /** A function's property, else the Globals.Function one. */
    public Optional<Object> functionProperty(Map<String, Object> function, String name) {
        Object own = properties(function).get(name);
        return Optional.ofNullable(own != null ? own : globalFunction().get(name));
    }

    /** Globals' environment variables overlaid with the function's own. */
    public Map<String, Object> functionEnvironment(Map<String, Object> function) {
        Map<String, Object> env = new LinkedHashMap<>(map(map(globalFunction().get("Environment")).get("Variables")));
        env.putAll(map(map(properties(function).get("Environment")).get("Variables")));
        return env;
    }

    /** The function's timeout in seconds: its own, else Globals', else Lambda's default 3. */
    int functionTimeout(Map<String, Object> function) {
        return functionProperty(function, "Timeout").map(t -> Integer.parseInt(t.toString())).orElse(3);
    }

    /** The resource a Ref/GetAtt points at, if the value is one. */
    public Optional<String> referencedResource(Object value) {
        Map<String, Object> m = map(value);
        if (m.get("Ref") instanceof String ref && resources().containsKey(ref)) {
            return Optional.of(ref);
        }
        if (m.get("Fn::GetAtt") instanceof List<?> att && !att.isEmpty() && resources().containsKey(att.get(0).toString())) {
            return Optional.of(att.get(0).toString());
        }
        return Optional.empty();
    }

    /** A string view of a value: literals as is, Ref X as ${X}, GetAtt X.Y as ${X.Y}, Sub's template, Join joined. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof Map<?, ?>)) {
            return value.toString();
        }
        Map<String, Object> m = map(value);
        if (m.containsKey("Ref")) {
            return "${" + m.get("Ref") + "}";
        }
        if (m.get("Fn::GetAtt") instanceof List<?> att) {
            return "${" + att.stream().map(Object::toString).collect(Collectors.joining(".")) + "}";
        }
        if (m.containsKey("Fn::Sub")) {
            Object sub = m.get("Fn::Sub");
            return sub instanceof List<?> l ? l.get(0).toString() : sub.toString();
        }
        if (m.get("Fn::Join") instanceof List<?> join && join.size() == 2) {
            return list(join.get(1)).stream().map(Template::text).collect(Collectors.joining(join.get(0).toString()));
        }
        return m.toString();
    }

    public static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public static List<Object> list(Object o) {
        if (o instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return o == null ? List.of() : List.of(o);
    }
}
