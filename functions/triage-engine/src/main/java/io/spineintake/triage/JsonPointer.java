package io.spineintake.triage;

/** RFC 6901 JSON Pointers: the one escaper every module uses for the pointers its problems name. */
public final class JsonPointer {
    private JsonPointer() {
    }

    /** One reference token, escaped ("~" as "~0", "/" as "~1"); unpaired surrogates become U+FFFD. */
    public static String escape(String name) {
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


    /** {@code pointer} followed by one more token. */
    public static String child(String pointer, String token) {
        return pointer + "/" + escape(token);
    }
}
