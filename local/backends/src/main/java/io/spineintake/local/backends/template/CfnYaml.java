package io.spineintake.local.backends.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation/SAM template, turning short-form tags into their long form:
 * {@code !Ref X} -> {Ref: X}, {@code !GetAtt A.B} -> {Fn::GetAtt: [A, B]}, {@code !Sub s} -> {Fn::Sub: s},
 * any other {@code !Name v} -> {Fn::Name: v}.
 */
public final class CfnYaml {

    private CfnYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text) {
        return (Map<String, Object>) yaml().load(text);
    }

    private static Yaml yaml() {
        return new Yaml(new CfnConstructor(new LoaderOptions()));
    }

    private static final class CfnConstructor extends SafeConstructor {

        CfnConstructor(LoaderOptions options) {
            super(options);
            yamlMultiConstructors.put("!", new ShortFormFunction());
        }

        private final class ShortFormFunction extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                if (name.equals("GetAtt") && value instanceof String s && s.contains(".")) {
                    int dot = s.indexOf('.');
                    value = List.of(s.substring(0, dot), s.substring(dot + 1));
                }
                String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                return Map.of(key, value);
            }
        }
    }
}
