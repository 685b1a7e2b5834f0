package io.mvtrx.runtime.gentrx.miner.training;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand. */
public final class MutableClock implements InstantSource {

    private volatile Instant now = Instant.parse("2026-11-01T00:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }
}
