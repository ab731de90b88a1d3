package io.spineintake.triage.form;

/**
 * Strict UTF-8 check of a request body before it reaches the JSON parser: no overlong forms, no
 * encoded surrogates, nothing above U+10FFFF, no NUL byte (never valid in JSON text, and what
 * makes a parser guess UTF-16 or UTF-32). A leading UTF-8 byte order mark is allowed.
 */
final class Utf8 {
    private Utf8() {
    }

    /** {@code null} when the bytes are well-formed UTF-8 without NUL, else the violation message. */
    static String check(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i];
            if (c > 0) { // ASCII, the common case
                i++;
                continue;
            }
            if (c == 0) {
                return "is not valid JSON";
            }
            int lead = c & 0xFF;
            int need;
            int min;
            if (lead >= 0xC2 && lead <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return "is not valid UTF-8 text";
            }
            if (i + need >= n) { // truncated sequence
                return "is not valid UTF-8 text";
            }
            int cp = lead & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int cont = b[i + k] & 0xFF;
                if ((cont & 0xC0) != 0x80) {
                    return "is not valid UTF-8 text";
                }
                cp = (cp << 6) | (cont & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return "is not valid UTF-8 text";
            }
            i += need + 1;
        }
        return null;
    }
}
