package io.mvtrx.plugin.process.internal;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

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

    @Test
    void aRestoredClockUpdatesAtTheSavedNextUpdate() {
        Recorder saved = new Recorder(5, 10);
        saved.advanceTo(37);
        StateWriter out = StateWriter.inMemory();
        saved.writeState(out);
        Recorder restored = new Recorder(5, 10);
        restored.readState(StateReader.of(out.toByteArray(), 1));
        restored.advanceTo(52);

        assertThat(restored.now()).isEqualTo(52);
        assertThat(restored.updates()).isEqualTo(5);
        assertThat(restored.times).containsExactly(40L, 50L);
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

        @Override
        protected void writeProcessState(StateWriter out) {
            out.writeInt(times.size());
        }

        @Override
        protected void readProcessState(StateReader in) {
            in.readInt();
        }
    }
}
