package io.spineintake.local.backends;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhiProbeTest {

    @Test
    void aShortValueCountsOnlyStandingAlone() {
        assertThat(PhiProbe.foundIn("{\"referral_id\":\"88ea0909-c26d-4ae5-a928-1db094499999\"}", "99999")).isFalse();
        assertThat(PhiProbe.foundIn("{\"message\":\"postcode 99999 refused\"}", "99999")).isTrue();
        assertThat(PhiProbe.foundIn("{\"postcode\":\"99999\"}", "99999")).isTrue();
    }

    @Test
    void aLongValueCountsAnywhere() {
        assertThat(PhiProbe.foundIn("xxdora.diary@example.comxx", "dora.diary@example.com")).isTrue();
        assertThat(PhiProbe.foundIn("nothing here", "dora.diary@example.com")).isFalse();
    }
}
