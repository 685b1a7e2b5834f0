package io.mvtrx.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmActivityTest {

    @Test
    void onlyTheCollectorsThatStopTheApplicationCountAsPauses() {
        assertThat(JvmActivity.pauses("G1 Young Generation")).isTrue();
        assertThat(JvmActivity.pauses("G1 Old Generation")).isTrue();
        assertThat(JvmActivity.pauses("ZGC Minor Pauses")).isTrue();
        assertThat(JvmActivity.pauses("PS Scavenge")).isTrue();
        assertThat(JvmActivity.pauses("G1 Concurrent GC")).isFalse();
        assertThat(JvmActivity.pauses("ZGC Major Cycles")).isFalse();
    }

    @Test
    void aReadingSinceAnotherIsTheirDifference() {
        JvmActivity.Reading earlier = new JvmActivity.Reading(40, 3, 1_200);
        JvmActivity.Reading later = new JvmActivity.Reading(152, 5, 1_275);

        assertThat(later.since(earlier)).isEqualTo(new JvmActivity.Reading(112, 2, 75));
    }

    @Test
    void readingsNeverGoBackAndACollectionShowsAsAPauseOrACount() {
        JvmActivity activity = new JvmActivity();
        JvmActivity.Reading before = activity.read();

        System.gc(); // a full collection stops the application under every pausing collector
        JvmActivity.Reading since = activity.read().since(before);

        assertThat(since.collections()).isPositive();
        assertThat(since.pauseMillis()).isNotNegative();
        assertThat(since.jitMillis()).isNotNegative();
    }
}
