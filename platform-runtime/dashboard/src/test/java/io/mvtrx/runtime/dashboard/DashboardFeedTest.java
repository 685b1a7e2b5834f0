package io.mvtrx.runtime.dashboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DashboardFeedTest {

    static DashboardSnapshot snapshot(long version) {
        return new DashboardSnapshot(version, Overview.STARTING, List.of(), List.of(), List.of());
    }

    @Test
    void readersSeeTheLastPublishedSnapshot() {
        DashboardFeed feed = new DashboardFeed();
        assertThat(feed.current()).isSameAs(DashboardSnapshot.EMPTY);

        DashboardSnapshot second = snapshot(2);
        feed.publish(snapshot(1));
        feed.publish(second);

        assertThat(feed.current()).isSameAs(second);
    }

    @Test
    void refusesAVersionThatDoesNotMoveForward() {
        DashboardFeed feed = new DashboardFeed();
        feed.publish(snapshot(3));

        assertThatThrownBy(() -> feed.publish(snapshot(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("snapshot version 3 is not after the current 3");
    }
}
