package io.spineintake.triage;

/**
 * Fixed-width decimal numbers for sort keys. Exactly what {@code String.format(Locale.ROOT, "%0Nd", v)}
 * gives (a minus sign counts in the width), without java.util.Formatter: its first use parses the
 * format with regular expressions, a cost every cold start on the request path paid.
 */
public final class Digits {
    private Digits() {
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width} characters (never cut). */
    public static String zeroPadded(long value, int width) {
        String text = Long.toString(value);
        if (text.length() >= width) {
            return text;
        }
        boolean negative = value < 0;
        StringBuilder out = new StringBuilder(width);
        if (negative) {
            out.append('-');
        }
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text, negative ? 1 : 0, text.length()).toString();
    }
}
