package io.mvtrx.runtime.dashboard;

import java.util.Objects;

/**
 * The one hand-over point between a step loop and the HTTP threads: the loop {@link #publish}es an immutable
 * snapshot by swapping a volatile reference (no lock, no copy, no encoding on the loop's thread); HTTP threads read
 * {@link #current()} whenever they like and encode it themselves.
 *
 * <p>Thread-safe: one publishing thread, any number of readers.
 */
public final class DashboardFeed implements DashboardView {

    private volatile DashboardSnapshot current = DashboardSnapshot.EMPTY;

    /** Makes {@code snapshot} the one readers see; its version must be higher than the current one's. */
    public void publish(DashboardSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (snapshot.version() <= current.version()) {
            throw new IllegalArgumentException(String.format("snapshot version %d is not after the current %d",
                    snapshot.version(), current.version()));
        }
        current = snapshot;
    }

    @Override
    public DashboardSnapshot current() {
        return current;
    }
}
