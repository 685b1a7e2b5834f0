package io.mvtrx.runtime.gentrx.data.ingest;

import java.time.Duration;
import java.util.List;

import io.mvtrx.runtime.gentrx.data.tick.TickPacket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReorderBufferTest {

    private static final long S = 1_000_000_000L;

    private static TickPacket at(long seconds) {
        return Ticks.tick("sim", seconds * S);
    }

    private static List<Long> seconds(List<TickPacket> ticks) {
        return ticks.stream().map(t -> t.ts() / S).toList();
    }

    @Test
    void expectsFiveSecondsUntilFiveIncrementsThenTheirAverage() {
        ReorderBuffer buffer = new ReorderBuffer(new MutableClock());
        assertThat(buffer.expected()).isEqualTo(5e9);
        // Increments 1, 1, 1, 1 s, then 3 s: EMA 1, 1, 1, 1, then 0.2 * 3 + 0.8 * 1 = 1.4 s.
        for (long s : new long[] {0, 1, 2, 3, 4}) {
            assertThat(seconds(buffer.offer(at(s)))).containsExactly(s);
        }
        assertThat(buffer.expected()).isEqualTo(5e9);
        assertThat(seconds(buffer.offer(at(7)))).containsExactly(7L);
        assertThat(buffer.expected()).isCloseTo(1.4e9, within(1.0));
    }

    @Test
    void holdsATickAheadOfTheExpectedIncrementUntilTheGapCloses() {
        ReorderBuffer buffer = new ReorderBuffer(new MutableClock());
        for (long s = 0; s <= 5; s++) {
            buffer.offer(at(s));
        }
        assertThat(buffer.expected()).isEqualTo(1e9);

        assertThat(buffer.offer(at(7))).isEmpty();
        assertThat(buffer.offer(at(8))).isEmpty();
        assertThat(seconds(buffer.offer(at(6)))).containsExactly(6L, 7L, 8L);
        assertThat(buffer.buffered()).isZero();
    }

    @Test
    void releasesAHeldTickAfterThirtySecondsOfWallTime() {
        MutableClock clock = new MutableClock();
        ReorderBuffer buffer = new ReorderBuffer(clock);
        buffer.offer(at(0));

        assertThat(buffer.offer(at(20))).isEmpty();
        clock.advance(Duration.ofMillis(29_999));
        assertThat(buffer.release()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(seconds(buffer.release())).containsExactly(20L);
    }

    @Test
    void anOlderTickPassesThroughTheHeapAtOnce() {
        ReorderBuffer buffer = new ReorderBuffer(new MutableClock());
        buffer.offer(at(10));

        assertThat(seconds(buffer.offer(at(9)))).containsExactly(9L);
        // The newest time stays 10 s: 14 s is 4 s ahead, within the default 5 s.
        assertThat(seconds(buffer.offer(at(14)))).containsExactly(14L);
    }
}
