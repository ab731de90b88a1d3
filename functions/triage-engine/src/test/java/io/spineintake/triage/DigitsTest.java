package io.spineintake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DigitsTest {

    @Property
    void padsExactlyAsTheFormatterDoes(@ForAll long value, @ForAll @IntRange(min = 1, max = 22) int width) {
        assertThat(Digits.zeroPadded(value, width))
                .isEqualTo(String.format(Locale.ROOT, "%0" + width + "d", value));
    }

    @Test
    void theEdgesToo() {
        for (long v : new long[] {0, -1, 9, 10, -10, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            for (int width = 1; width <= 22; width++) {
                assertThat(Digits.zeroPadded(v, width)).as("%d width %d", v, width)
                        .isEqualTo(String.format(Locale.ROOT, "%0" + width + "d", v));
            }
        }
    }
}
