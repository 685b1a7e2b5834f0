package io.mvtrx.runtime.gentrx.validator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mvtrx.api.gentrx.BucketAccess;

/**
 * The validator's round cadence (gentrx.md §1.2–1.3, §2.3): after each state update it opens a round when the block
 * height crosses into a new one ({@code block / blocksPerRound}) and the server has at least a window of simulation
 * data; it plans the round, pushes the plan to the gradient server, and only then counts the round as open and
 * delivers each miner its assignment. At most every {@code scoresEvery} it reads the next scored round and folds it
 * into the rewards.
 *
 * <p>Not thread-safe: one caller (the validator's GenTRX thread). Calls block on HTTP; the validator runs them off its
 * step loop.
 */
public final class GentrxRounds {

    /**
     * @param blocksPerRound rounds last this many blocks (reference 25)
     * @param windowNs       no round opens before the server has this much simulation time (reference 5 min)
     * @param scoresEvery    how often to read scores (reference 30 s)
     */
    public record Settings(long blocksPerRound, long windowNs, Duration scoresEvery) {
        public static final Settings REFERENCE = new Settings(25, 300_000_000_000L, Duration.ofSeconds(30));

        public Settings {
            if (blocksPerRound < 1 || windowNs < 0 || scoresEvery.isNegative()) {
                throw new IllegalArgumentException("GenTRX round settings out of range: " + blocksPerRound
                        + " blocks per round, window " + windowNs + " ns, scores every " + scoresEvery);
            }
        }
    }

    /** What an {@link #onState} call did. */
    public sealed interface Outcome {
        /** Nothing to do yet: same round, or not enough data. */
        record Waiting(String why) implements Outcome {
        }

        /** The round opened and was delivered. */
        record Opened(long round, int assigned, Set<Integer> delivered, List<String> heldOut) implements Outcome {
        }

        /** The round was skipped: nothing to train on. */
        record Skipped(long round, String why) implements Outcome {
        }
    }

    private final GradientServerClient server;
    private final AssignmentPlanner planner;
    private final GentrxRewards rewards;
    private final AssignmentSender sender;
    private final Settings settings;
    private final BucketAccess data;
    private final int validatorUid;
    private final InstantSource clock;

    private volatile long currentRound = -1;
    private volatile long lastScoredRound = -1;
    private volatile RoundScores lastScores;
    private Instant lastScoresPoll = Instant.MIN;

    public GentrxRounds(GradientServerClient server, AssignmentPlanner planner, GentrxRewards rewards,
                        AssignmentSender sender, Settings settings, BucketAccess data, int validatorUid,
                        InstantSource clock) {
        this.server = server;
        this.planner = planner;
        this.rewards = rewards;
        this.sender = sender;
        this.settings = settings;
        this.data = data;
        this.validatorUid = validatorUid;
        this.clock = clock;
    }

    /**
     * After a state update at chain height {@code block}, with {@code maxSimTsNs} the newest simulation time pushed
     * and {@code miners} the uids with a serving axon (the validator excluded).
     *
     * @throws IOException when the server cannot be reached or refuses; the round is not counted as open, so the next
     *                     state update tries again
     */
    public Outcome onState(long block, long maxSimTsNs, List<Integer> miners) throws IOException,
            InterruptedException {
        long round = block / settings.blocksPerRound();
        if (round <= currentRound) {
            return new Outcome.Waiting("round " + round + " is open");
        }
        if (maxSimTsNs < settings.windowNs()) {
            return new Outcome.Waiting("warming up: " + maxSimTsNs + " of " + settings.windowNs() + " ns pushed");
        }
        DataStatus status = server.dataStatus();
        AssignmentPlanner.Plan plan = planner.plan(round, status.pages(), miners, validatorUid, status.version(), data,
                status.bucketPrefix());
        if (plan.assignments().isEmpty()) {
            currentRound = round;
            return new Outcome.Skipped(round, status.pages().isEmpty() ? "no pages yet"
                    : miners.isEmpty() ? "no miner serving" : "no book left to train on after the held-out split");
        }
        server.pushRound(round, plan.assignments(), plan.heldOut(), block);
        currentRound = round;
        Set<Integer> delivered = sender.deliver(plan.assignments());
        return new Outcome.Opened(round, plan.assignments().size(), Set.copyOf(delivered), plan.heldOut());
    }

    /**
     * Reads the next scored round when {@code scoresEvery} has passed and folds it into the rewards; returns it, or
     * empty when it was not time, or nothing newer was scored.
     */
    public Optional<RoundScores> pollScores() throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (lastScoresPoll != Instant.MIN && now.isBefore(lastScoresPoll.plus(settings.scoresEvery()))) {
            return Optional.empty();
        }
        lastScoresPoll = now;
        return pollScoresNow();
    }

    /** Reads the next scored round at once, whatever {@code scoresEvery} says (e.g. to settle up at the end of a run). */
    public Optional<RoundScores> pollScoresNow() throws IOException, InterruptedException {
        Optional<RoundScores> scores = server.scores(lastScoredRound);
        scores.ifPresent(round -> {
            if (rewards.onRound(round.round(), round.scores())) {
                lastScoredRound = round.round();
                lastScores = round;
            }
        });
        return scores;
    }

    /** The last scored round read, if any. */
    public Optional<RoundScores> lastScores() {
        return Optional.ofNullable(lastScores);
    }

    public long currentRound() {
        return currentRound;
    }

    public long lastScoredRound() {
        return lastScoredRound;
    }

    /** Restores the round counters after a restart. */
    public void restore(long openRound, long scoredRound) {
        this.currentRound = openRound;
        this.lastScoredRound = scoredRound;
    }
}
