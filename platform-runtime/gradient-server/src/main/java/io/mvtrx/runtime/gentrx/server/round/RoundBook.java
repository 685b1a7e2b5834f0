package io.mvtrx.runtime.gentrx.server.round;

import io.mvtrx.runtime.gentrx.server.scoring.ScoreCard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server's round state machine (gentrx.md §1.3, §1.6): the current round ({@code aggRound}) and the rounds still
 * closing. Pure state: time comes in as arguments, so tests drive it with any clock. Not thread-safe; the server
 * guards it.
 */
public final class RoundBook {

    private long aggRound;
    private final TreeMap<Long, RoundEntry> rounds = new TreeMap<>();

    public RoundBook(long aggRound) {
        this.aggRound = aggRound;
    }

    /** Restores a persisted book. */
    public static RoundBook restore(long aggRound, List<RoundEntry> entries) {
        RoundBook book = new RoundBook(aggRound);
        entries.forEach(e -> book.rounds.put(e.round(), e));
        return book;
    }

    /** The round assignments are installed for. */
    public long aggRound() {
        return aggRound;
    }

    /** Every round held, oldest first. */
    public List<RoundEntry> entries() {
        return List.copyOf(rounds.values());
    }

    public Optional<RoundEntry> entry(long round) {
        return Optional.ofNullable(rounds.get(round));
    }

    /**
     * Takes a pushed round. Newer than {@code aggRound}: the current round starts closing at {@code now}, and a jump of
     * more than one round drops rounds older than the previous one. Older than {@code aggRound}: resync, the
     * validator's round wins and held rounds at or above it are dropped. Equal: a repeated push adds miners not yet
     * held and keeps the states of those that are.
     *
     * @return the rounds dropped without scoring
     */
    public List<Long> install(RoundPlan plan, Instant now) {
        long round = plan.round();
        List<Long> dropped = new ArrayList<>();
        if (round > aggRound) {
            RoundEntry current = rounds.get(aggRound);
            if (current != null && current.closingSince().isEmpty()) {
                rounds.put(aggRound, current.closing(now));
            }
            if (round - aggRound > 1) {
                for (Long old : List.copyOf(rounds.headMap(round - 1).keySet())) {
                    rounds.remove(old);
                    dropped.add(old);
                }
            }
            aggRound = round;
        } else if (round < aggRound) {
            for (Long newer : List.copyOf(rounds.tailMap(round, true).keySet())) {
                rounds.remove(newer);
                dropped.add(newer);
            }
            aggRound = round;
        }
        RoundEntry entry = rounds.get(round);
        if (entry == null) {
            entry = new RoundEntry(round, plan.block(), plan.heldOutBooks(), now, Optional.empty(), Map.of());
        }
        for (Assignment assignment : plan.assignments().values()) {
            if (!entry.slots().containsKey(assignment.minerUid())) {
                entry = entry.withSlot(MinerSlot.delivered(assignment));
            }
        }
        rounds.put(round, entry);
        return dropped;
    }

    /** Every slot still waiting for its gradient, oldest round first. */
    public List<MinerSlot> awaitingGradient() {
        List<MinerSlot> out = new ArrayList<>();
        for (RoundEntry entry : rounds.values()) {
            entry.ordered().stream().filter(s -> s.state() == AssignmentState.DELIVERED).forEach(out::add);
        }
        return out;
    }

    /** DELIVERED → GRADIENT_IN once the bytes were read. */
    public void gradientIn(long round, int uid) {
        MinerSlot slot = slot(round, uid);
        if (slot.state() != AssignmentState.DELIVERED) {
            throw new IllegalStateException("round " + round + " uid " + uid + " is " + slot.state()
                    + ", not DELIVERED");
        }
        put(round, new MinerSlot(slot.assignment(), AssignmentState.GRADIENT_IN, Optional.empty()));
    }

    /** DELIVERED or GRADIENT_IN → SCORED with its card (a card of score 0 when forced at close). */
    public void scored(long round, int uid, ScoreCard card) {
        MinerSlot slot = slot(round, uid);
        if (slot.state() == AssignmentState.SCORED) {
            throw new IllegalStateException("round " + round + " uid " + uid + " is already SCORED");
        }
        put(round, new MinerSlot(slot.assignment(), AssignmentState.SCORED, Optional.of(card)));
    }

    /**
     * Rounds ready to drain at {@code now}, oldest first: closing rounds with nobody open or whose grace ran out, then
     * (heartbeat-loss fallback) the current round when it has assignments and either nobody is still DELIVERED or
     * the oldest delivery is older than the heartbeat limit. A fallback close advances {@code aggRound} itself.
     */
    public List<Long> due(Instant now, RoundTiming timing, boolean versionRolled) {
        List<Long> due = new ArrayList<>();
        for (RoundEntry entry : rounds.values()) {
            Optional<Instant> since = entry.closingSince();
            if (since.isPresent() && (entry.open() == 0 || !now.isBefore(since.get().plus(timing.grace())))) {
                due.add(entry.round());
            }
        }
        RoundEntry current = rounds.get(aggRound);
        if (current != null && current.closingSince().isEmpty() && !current.slots().isEmpty()) {
            boolean noneDelivered = current.slots().values().stream()
                    .noneMatch(s -> s.state() == AssignmentState.DELIVERED);
            boolean silent = !now.isBefore(current.installedAt().plus(timing.heartbeatLimit(versionRolled)));
            if (noneDelivered || silent) {
                rounds.put(aggRound, current.closing(now));
                due.add(aggRound);
                aggRound++;
            }
        }
        return due;
    }

    /** Removes a drained round. */
    public RoundEntry remove(long round) {
        RoundEntry entry = rounds.remove(round);
        if (entry == null) {
            throw new IllegalStateException("round " + round + " is not held");
        }
        return entry;
    }

    private MinerSlot slot(long round, int uid) {
        RoundEntry entry = rounds.get(round);
        MinerSlot slot = entry == null ? null : entry.slots().get(uid);
        if (slot == null) {
            throw new IllegalStateException("round " + round + " has no assignment for uid " + uid);
        }
        return slot;
    }

    private void put(long round, MinerSlot slot) {
        rounds.put(round, rounds.get(round).withSlot(slot));
    }
}
