package io.mvtrx.runtime.dashboard;

import java.util.List;
import java.util.Optional;

/**
 * Everything the dashboard shows at one moment, immutable. Published once per step (or less often) by the step
 * loop through a {@link DashboardFeed}.
 *
 * @param version     increases with every publish (the SSE stream announces it)
 * @param overview    the run at a glance
 * @param books       every book, in canonical id order
 * @param leaderboard one row per miner, by uid; empty for a run without miners
 * @param miners      per miner, the detail behind its row (same order as {@code leaderboard})
 */
public record DashboardSnapshot(long version, Overview overview, List<BookView> books, List<MinerRow> leaderboard,
                                List<MinerDetail> miners) {

    /** Before the first publish. */
    public static final DashboardSnapshot EMPTY = new DashboardSnapshot(0, Overview.STARTING, List.of(), List.of(),
            List.of());

    public DashboardSnapshot {
        books = List.copyOf(books);
        leaderboard = List.copyOf(leaderboard);
        miners = List.copyOf(miners);
    }

    /** The book with canonical id {@code id}, if there is one. */
    public Optional<BookView> book(int id) {
        return books.stream().filter(b -> b.bookId() == id).findFirst();
    }

    /** The detail of miner {@code uid}, if it is on the leaderboard. */
    public Optional<MinerDetail> miner(int uid) {
        return miners.stream().filter(m -> m.uid() == uid).findFirst();
    }
}
