package io.mvtrx.plugin.process.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SteppedProcessTest {

    @Test
    void updatesFallOnTheMultiplesOfThePeriodAfterTheStart() {
        Recorder recorder = new Recorder(25, 10);
        recorder.advanceTo(29);
        recorder.advanceTo(30);
        recorder.advanceTo(65);

        assertThat(recorder.times).containsExactly(30L, 40L, 50L, 60L);
        assertThat(recorder.updates()).isEqualTo(4);
        assertThat(recorder.now()).isEqualTo(65);
    }

    @Test
    void anUpdateTimeNearTheEndOfTimeDoesNotWrapAround() {
        Recorder recorder = new Recorder(Long.MAX_VALUE - 15, 10);
        recorder.advanceTo(Long.MAX_VALUE);

        assertThat(recorder.times).containsExactly(Long.MAX_VALUE - 7);
    }

    private static final class Recorder extends SteppedProcess {

        private final List<Long> times = new ArrayList<>();

        Recorder(long start, long period) {
            super(start, period);
        }

        @Override
        protected void update(long time) {
            times.add(time);
        }

        @Override
        public double value() {
            return times.size();
        }
    }
}
