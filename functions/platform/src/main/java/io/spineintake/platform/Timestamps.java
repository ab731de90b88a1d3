package io.spineintake.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as every table stores them: ISO-8601 UTC with exactly three fraction digits, so that
 * string order is time order (the indexes sort on them). A class of its own so that formatting a
 * time loads no table schema (issue 14: the consult queue's consumer loaded the intakes table's
 * schema, 130 classes, only for this).
 */
public final class Timestamps {
    private static final DateTimeFormatter SIGNED_YEARS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code instant} as stored, truncated to the millisecond. */
    public static String of(Instant instant) {
        // by hand: DateTimeFormatter took about 40 µs a call under C1, and a submission makes three
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return SIGNED_YEARS.format(instant.truncatedTo(ChronoUnit.MILLIS)); // signed years: the formatter's way
        }
        char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(c, 0, t.getYear(), 4);
        digits(c, 5, t.getMonthValue(), 2);
        digits(c, 8, t.getDayOfMonth(), 2);
        digits(c, 11, t.getHour(), 2);
        digits(c, 14, t.getMinute(), 2);
        digits(c, 17, t.getSecond(), 2);
        digits(c, 20, t.getNano() / 1_000_000, 3);
        return new String(c);
    }

    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            into[i] = (char) ('0' + value % 10);
        }
    }
}
