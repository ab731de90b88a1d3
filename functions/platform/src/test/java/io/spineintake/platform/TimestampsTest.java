package io.spineintake.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The stored timestamps are sort keys: exactly the pattern's text, fixed width, in time order. */
class TimestampsTest {
    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Property(tries = 5000)
    void isThePatternsTextForAnyInstant(@ForAll @LongRange(min = -400_000_000_000L, max = 400_000_000_000L) long seconds,
                                        @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        assertThat(Timestamps.of(instant)).isEqualTo(PATTERN.format(instant.truncatedTo(ChronoUnit.MILLIS)));
    }

    @Property(tries = 2000)
    void ordersAsTimeWithinTheFourDigitYears(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long a,
                                             @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long b) {
        String x = Timestamps.of(Instant.ofEpochSecond(a));
        String y = Timestamps.of(Instant.ofEpochSecond(b));
        assertThat(x).hasSize(24);
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Long.signum(a - b));
    }

    @Test
    void edges() {
        assertThat(Timestamps.of(Instant.parse("2026-12-01T10:00:00Z"))).isEqualTo("2026-12-01T10:00:00.000Z");
        assertThat(Timestamps.of(Instant.parse("0000-01-01T00:00:00.000999Z"))).isEqualTo("0000-01-01T00:00:00.000Z");
        assertThat(Timestamps.of(Instant.parse("9999-12-31T23:59:59.999999999Z"))).isEqualTo("9999-12-31T23:59:59.999Z");
        assertThat(Timestamps.of(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00.000Z");
        assertThat(Timestamps.of(Instant.parse("1969-12-31T23:59:59.5Z"))).isEqualTo("1969-12-31T23:59:59.500Z");
    }
}
