package io.spineintake.local.backends;

import java.util.regex.Pattern;

/**
 * The PHI log scans' matching rule: whether a log line holds a value a test sent. A short value (a
 * 5-digit postcode such as 99999) counts only standing alone, not inside a longer run of letters or
 * digits: a random UUID holds "99999" now and then, which is no leak.
 */
public final class PhiProbe {
    static final int SHORT = 8;

    private PhiProbe() {
    }

    public static boolean foundIn(String line, String value) {
        if (value.length() >= SHORT) {
            return line.contains(value);
        }
        return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(value) + "(?![A-Za-z0-9])").matcher(line).find();
    }
}
