package io.mvtrx.runtime.simulator.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StepClockTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void liveConfigurationHas86400StepsAndPublishesAfterTheGracePeriod() {
        StepClock clock = new StepClock(0, SECOND, 86_400 * SECOND, 600 * SECOND);
        assertThat(clock.stepCount()).isEqualTo(86_400);
        assertThat(clock.cutoff(0)).isEqualTo(SECOND);
        assertThat(clock.cutoff(86_399)).isEqualTo(86_400 * SECOND);
        assertThat(clock.publishesAt(599 * SECOND)).isFalse();
        assertThat(clock.publishesAt(600 * SECOND)).isTrue();
    }

    @Test
    void lastStepIsShortenedToTheEnd() {
        StepClock clock = new StepClock(100, 30, 100, 0);
        assertThat(clock.stepCount()).isEqualTo(4);
        assertThat(clock.cutoff(3)).isEqualTo(200);
    }

    @Test
    void rejectsNonPositiveStep() {
        assertThatThrownBy(() -> new StepClock(0, 0, 10, 0)).hasMessage("step must be > 0 ns, got 0");
    }
}
