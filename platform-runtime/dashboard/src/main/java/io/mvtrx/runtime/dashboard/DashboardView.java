package io.mvtrx.runtime.dashboard;

/**
 * What the dashboard shows, read by HTTP threads: the latest {@link DashboardSnapshot} a step loop published. Reads
 * never block the loop (see {@link DashboardFeed}).
 */
@FunctionalInterface
public interface DashboardView {

    /** The latest snapshot; {@link DashboardSnapshot#EMPTY} before the first publish. Never null. */
    DashboardSnapshot current();
}
