package io.spineintake.triage.form;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.networknt.schema.path.NodePath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** RFC 6901 JSON pointers for violations. */
final class Pointers {
    private Pointers() {
    }

    /** One reference token, escaped ("~" as "~0", "/" as "~1"); unpaired surrogates become U+FFFD. */
    static String escape(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String replacement = null;
            if (c == '~') {
                replacement = "~0";
            } else if (c == '/') {
                replacement = "~1";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                    if (sb != null) {
                        sb.append(c).append(name.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                replacement = "\uFFFD";
            }
            if (replacement != null && sb == null) {
                sb = new StringBuilder(name.length() + 8).append(name, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? name : sb.toString();
    }

    static String child(String pointer, String name) {
        return pointer + "/" + escape(name);
    }

    static String of(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append('/');
            sb.append(element instanceof String s ? escape(s) : String.valueOf(element));
        }
        return sb.toString();
    }

    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            sb.append('/');
            if (ref.getFieldName() != null) {
                sb.append(escape(ref.getFieldName()));
            } else {
                sb.append(ref.getIndex());
            }
        }
        return sb.toString();
    }

    /** Where a streaming parser is: the property or array slot being read. */
    static String of(JsonStreamContext context) {
        Deque<String> tokens = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                if (c.getCurrentName() != null) {
                    tokens.addFirst(escape(c.getCurrentName()));
                }
            } else if (c.inArray()) {
                tokens.addFirst(Integer.toString(Math.max(c.getCurrentIndex(), 0)));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            sb.append('/').append(t);
        }
        return sb.toString();
    }
}
