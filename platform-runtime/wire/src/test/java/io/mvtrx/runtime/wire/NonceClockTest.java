package io.mvtrx.runtime.wire;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NonceClockTest {

    @Test
    void readsNanosecondsSinceTheEpoch() {
        NonceClock nonces = new NonceClock(InstantSource.fixed(Instant.ofEpochSecond(1_779_554_640L, 123)));

        assertThat(nonces.next()).isEqualTo(1_779_554_640_000_000_123L);
    }

    @Test
    void staysStrictlyIncreasingWhenTheClockStallsOrStepsBack() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(100));
        NonceClock nonces = new NonceClock(now::get);

        long first = nonces.next();
        long second = nonces.next();
        now.set(Instant.ofEpochSecond(99));
        long third = nonces.next();
        now.set(Instant.ofEpochSecond(101));
        long fourth = nonces.next();

        assertThat(new long[] {first, second, third, fourth})
                .containsExactly(100_000_000_000L, 100_000_000_001L, 100_000_000_002L, 101_000_000_000L);
    }

    @Test
    void reservesABlockOfConsecutiveNoncesThatTheNextCallContinues() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(100));
        NonceClock nonces = new NonceClock(now::get);

        long block = nonces.next(5);
        long after = nonces.next();
        now.set(Instant.ofEpochSecond(101));
        long later = nonces.next(3);
        long last = nonces.next();

        assertThat(new long[] {block, after, later, last})
                .containsExactly(100_000_000_000L, 100_000_000_005L, 101_000_000_000L, 101_000_000_003L);
    }

    @Test
    void refusesAnEmptyBlock() {
        NonceClock nonces = new NonceClock(InstantSource.fixed(Instant.ofEpochSecond(100)));

        assertThatIllegalArgumentException().isThrownBy(() -> nonces.next(0))
                .withMessage("nonce count must be >= 1, got 0");
    }

    @Test
    void saturatesOutsideTheRepresentableYears() {
        assertThat(NonceClock.nanos(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(NonceClock.nanos(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
    }
}
