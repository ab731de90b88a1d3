package io.spineintake.triage.form;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.spineintake.triage.JsonPointer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** RFC 6901 JSON pointers for violations. */
final class Pointers {
    private Pointers() {
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
                sb.append(JsonPointer.escape(ref.getFieldName()));
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
                    tokens.addFirst(JsonPointer.escape(c.getCurrentName()));
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
