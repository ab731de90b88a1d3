package io.spineintake.triage.form;

import io.spineintake.triage.JsonPointer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One pass over a parsed document before schema validation: counts its values (a cap keeps a
 * hostile document from costing more than a real form) and finds strings holding an unpaired
 * UTF-16 surrogate (sent as a {@code \ud800} escape), which could not be stored or written back,
 * and strings holding U+FFFD, the replacement character that stands where bytes were not UTF-8
 * (API Gateway decodes a text body that way before the function sees it).
 */
final class TreeScan {
    private TreeScan() {
    }

    /**
     * @return {@code false} when the document is too large to validate further (a violation has
     *     been added); {@code true} otherwise, with any text violations added
     */
    static boolean scan(JsonNode root, int maxNodes, List<Violation> violations) {
        Scan s = new Scan(maxNodes, violations);
        s.visit(root);
        if (s.count > maxNodes) {
            violations.add(new Violation("", "has more than " + maxNodes + " values: too large for an intake form"));
            return false;
        }
        return true;
    }

    private static final class Scan {
        private final int maxNodes;
        private final List<Violation> violations;
        private final List<Object> path = new ArrayList<>();
        int count;

        Scan(int maxNodes, List<Violation> violations) {
            this.maxNodes = maxNodes;
            this.violations = violations;
        }

        void visit(JsonNode node) {
            if (++count > maxNodes) {
                return;
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (count > maxNodes) {
                        break;
                    }
                    path.add(field.getKey());
                    visit(field.getValue());
                    path.remove(path.size() - 1);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size() && count <= maxNodes; i++) {
                    path.add(i);
                    visit(node.get(i));
                    path.remove(path.size() - 1);
                }
            } else if (node.isTextual() && hasUnpairedSurrogate(node.textValue())) {
                violations.add(new Violation(pointer(), "must be valid Unicode text"));
            } else if (node.isTextual() && node.textValue().indexOf('\uFFFD') >= 0) {
                violations.add(new Violation(pointer(), "is not valid UTF-8 text"));
            }
        }

        private String pointer() {
            StringBuilder sb = new StringBuilder();
            for (Object token : path) {
                sb.append('/').append(token instanceof String s ? JsonPointer.escape(s) : token.toString());
            }
            return sb.toString();
        }
    }

    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
