package io.mvtrx.plugin.agents.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VwapReturnsTest {

    @Test
    void bucketsTradesByTimestampAtTheirVwap() {
        VwapReturns tape = new VwapReturns(10);
        tape.push(1, 1, 100);
        tape.push(1, 3, 104);                   // bucket at (100 + 312)/4 = 103
        tape.push(2, 2, 110);
        tape.push(3, 1, 99);

        assertThat(tape.buckets()).isEqualTo(3);
        double a = Math.log(110 / 103.0);
        double b = Math.log(99 / 110.0);
        double mean = (a + b) / 2;
        double population = ((a - mean) * (a - mean) + (b - mean) * (b - mean)) / 2;
        assertThat(tape.variance()).isCloseTo(population * 1 / 2, within(1e-15));
    }

    @Test
    void dropsBucketsAWindowOlderThanANewTrade() {
        VwapReturns tape = new VwapReturns(10);
        tape.push(1, 1, 100);
        tape.push(2, 2, 110);
        tape.push(3, 1, 99);
        tape.push(12, 1, 100);                  // cutoff 2: the buckets at 1 and 2 go

        assertThat(tape.buckets()).isEqualTo(2);
        assertThat(tape.variance()).isZero();   // one return: (k-1)/k = 0
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        VwapReturns tape = new VwapReturns(1_000_000);
        for (int i = 0; i < 200; i++) {
            tape.push(i, 1, i % 2 == 0 ? 100 : 101);
        }
        assertThat(tape.buckets()).isEqualTo(200);
        double r = Math.log(101 / 100.0);
        // 199 returns alternating +r, -r: mean r/199, population variance r² - (r/199)², times 198/199
        double mean = r / 199;
        assertThat(tape.variance()).isCloseTo((r * r - mean * mean) * 198 / 199, within(1e-12));
    }
}
