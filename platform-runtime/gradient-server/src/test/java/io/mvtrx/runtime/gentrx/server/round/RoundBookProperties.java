package io.mvtrx.runtime.gentrx.server.round;

import io.mvtrx.runtime.gentrx.server.Fixtures;
import io.mvtrx.runtime.gentrx.server.scoring.ScoreCard;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the round state machine under any mix of pushes, arrivals, scores and elapsed time. */
class RoundBookProperties {

    private static final RoundTiming TIMING = RoundTiming.defaults();

    @Property(tries = 300)
    void noRoundRunsAheadAndOnlyTheCurrentRoundIsOpen(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 399) Integer> ops) {
        RoundBook book = new RoundBook(0);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int op : ops) {
            int kind = op % 4;
            int arg = op / 4;
            switch (kind) {
                case 0 -> {
                    long round = Math.max(0, book.aggRound() + (arg % 4) - 1);
                    book.install(new RoundPlan(round, Map.of(1, Fixtures.assignment(1, round, 0), 2,
                            Fixtures.assignment(2, round, 0)), List.of("7"), round * 25), now);
                }
                case 1 -> book.awaitingGradient().stream().findFirst()
                        .ifPresent(s -> book.gradientIn(s.assignment().round(), s.assignment().minerUid()));
                case 2 -> {
                    now = now.plusSeconds(arg * 5L);
                    for (long due : book.due(now, TIMING, arg % 2 == 0)) {
                        RoundEntry drained = book.remove(due);
                        assertThat(drained.closingSince()).isPresent();
                    }
                }
                default -> book.entries().stream().flatMap(e -> e.ordered().stream()).filter(MinerSlot::open)
                        .findFirst().ifPresent(s -> book.scored(s.assignment().round(), s.assignment().minerUid(),
                                ScoreCard.zero(s.assignment().minerUid(), List.of(), "property")));
            }
            List<RoundEntry> entries = book.entries();
            assertThat(entries).allSatisfy(e -> assertThat(e.round()).isLessThanOrEqualTo(book.aggRound()));
            List<RoundEntry> open = entries.stream().filter(e -> e.closingSince().isEmpty()).toList();
            assertThat(open).hasSizeLessThanOrEqualTo(1);
            open.forEach(e -> assertThat(e.round()).isEqualTo(book.aggRound()));
            assertThat(entries).allSatisfy(e -> e.slots().forEach((uid, slot) -> {
                assertThat(slot.assignment().minerUid()).isEqualTo(uid);
                assertThat(slot.assignment().round()).isEqualTo(e.round());
            }));
        }
    }
}
