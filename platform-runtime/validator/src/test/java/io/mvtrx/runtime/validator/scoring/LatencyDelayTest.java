package io.mvtrx.runtime.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LatencyDelayTest {

    @Test
    void baseDelayFollowsTheExponentialCurve() {
        LatencyDelay d = LatencyDelay.REFERENCE;
        assertThat(d.baseDelay(0)).isEqualTo(10_000_000L);
        assertThat(d.baseDelay(3_000_000_000L)).isEqualTo(1_000_000_000L);
        // t = 0.5: 1e7 + (e^2.5 - 1)/(e^5 - 1) · 9.9e8 = 85 099 598.2 → truncated
        assertThat(d.baseDelay(1_500_000_000L)).isEqualTo(85_099_598L);
        assertThat(d.baseDelay(9_000_000_000L)).isEqualTo(1_000_000_000L);
    }

    @Test
    void laterInstructionsOnTheSameBookGetJitter() {
        LatencyDelay.Assigner a = LatencyDelay.REFERENCE.assigner(0, new SplittableRandom(7));
        assertThat(a.next(3)).isEqualTo(10_000_000L);
        assertThat(a.next(4)).isEqualTo(10_000_000L);
        long second = a.next(3);
        assertThat(second).isBetween(15_000_000L, 35_000_000L);
    }
}
