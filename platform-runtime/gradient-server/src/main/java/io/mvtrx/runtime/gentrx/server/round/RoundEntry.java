package io.mvtrx.runtime.gentrx.server.round;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A round the server holds: its held-out books, when it was installed, when it began closing (the next round's
 * push, or a fallback close) and every miner's slot.
 */
public record RoundEntry(long round, long block, List<String> heldOutBooks, Instant installedAt,
                         Optional<Instant> closingSince, Map<Integer, MinerSlot> slots) {

    public RoundEntry {
        heldOutBooks = List.copyOf(heldOutBooks);
        slots = Map.copyOf(new TreeMap<>(slots));
    }

    RoundEntry withSlot(MinerSlot slot) {
        Map<Integer, MinerSlot> next = new TreeMap<>(slots);
        next.put(slot.assignment().minerUid(), slot);
        return new RoundEntry(round, block, heldOutBooks, installedAt, closingSince, next);
    }

    RoundEntry closing(Instant since) {
        return new RoundEntry(round, block, heldOutBooks, installedAt, Optional.of(since), slots);
    }

    /** Miners still owing a gradient or a score. */
    public long open() {
        return slots.values().stream().filter(MinerSlot::open).count();
    }

    /** Slots in uid order. */
    public List<MinerSlot> ordered() {
        return new TreeMap<>(slots).values().stream().toList();
    }

    /** Earliest window start and latest window end over the assignments (all share one window, §1.4 step 4). */
    public long windowStartNs() {
        return slots.values().stream().mapToLong(s -> s.assignment().tsStartNs()).min().orElse(0);
    }

    public long windowEndNs() {
        return slots.values().stream().mapToLong(s -> s.assignment().tsEndNs()).max().orElse(0);
    }
}
