package io.mvtrx.runtime.gentrx.server.round;

import io.mvtrx.runtime.gentrx.server.Fixtures;
import io.mvtrx.runtime.gentrx.server.scoring.ScoreCard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundBookTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RoundTiming TIMING = RoundTiming.defaults();

    private static RoundPlan plan(long round, int... uids) {
        Map<Integer, Assignment> assignments = new java.util.TreeMap<>();
        for (int uid : uids) {
            assignments.put(uid, Fixtures.assignment(uid, round, 0));
        }
        return new RoundPlan(round, assignments, List.of("7"), round * 25);
    }

    @Test
    void heartbeatLimitIs330SecondsAnd480AfterAVersionRoll() {
        assertThat(TIMING.heartbeatLimit(false)).isEqualTo(Duration.ofSeconds(330));
        assertThat(TIMING.heartbeatLimit(true)).isEqualTo(Duration.ofSeconds(480));
    }

    @Test
    void aPushedRoundIsDeliveredAndTheNextPushStartsItsGrace() {
        RoundBook book = new RoundBook(0);
        book.install(plan(10, 1, 2), T0);
        assertThat(book.aggRound()).isEqualTo(10);
        assertThat(book.entry(10).orElseThrow().slots().get(1).state()).isEqualTo(AssignmentState.DELIVERED);

        book.gradientIn(10, 1);
        book.scored(10, 1, ScoreCard.zero(1, List.of("1"), "test"));
        book.install(plan(11, 1, 2), T0.plusSeconds(300));
        assertThat(book.entry(10).orElseThrow().closingSince()).contains(T0.plusSeconds(300));
        // uid 2 still DELIVERED: not due before the 30 s grace
        assertThat(book.due(T0.plusSeconds(329), TIMING, false)).isEmpty();
        assertThat(book.due(T0.plusSeconds(330), TIMING, false)).containsExactly(10L);
        assertThat(book.remove(10).open()).isEqualTo(1);
    }

    @Test
    void aClosingRoundWithNobodyOpenDrainsAtOnce() {
        RoundBook book = new RoundBook(0);
        book.install(plan(3, 4), T0);
        book.scored(3, 4, ScoreCard.zero(4, List.of(), "x"));
        book.install(plan(4, 4), T0.plusSeconds(10));
        assertThat(book.due(T0.plusSeconds(10), TIMING, false)).containsExactly(3L);
    }

    @Test
    void theHeartbeatFallbackClosesASilentRoundAndAdvancesTheRound() {
        RoundBook book = new RoundBook(0);
        book.install(plan(5, 1), T0);
        assertThat(book.due(T0.plusSeconds(329), TIMING, false)).isEmpty();
        assertThat(book.due(T0.plusSeconds(330), TIMING, false)).containsExactly(5L);
        assertThat(book.aggRound()).isEqualTo(6);
    }

    @Test
    void theCurrentRoundClosesEarlyOnceNobodyIsDelivered() {
        RoundBook book = new RoundBook(0);
        book.install(plan(5, 1, 2), T0);
        book.gradientIn(5, 1);
        assertThat(book.due(T0.plusSeconds(1), TIMING, false)).isEmpty();
        book.gradientIn(5, 2);
        assertThat(book.due(T0.plusSeconds(2), TIMING, false)).containsExactly(5L);
        assertThat(book.aggRound()).isEqualTo(6);
        // the validator's push of 6 then installs normally
        book.install(plan(6, 1), T0.plusSeconds(300));
        assertThat(book.entry(6).orElseThrow().slots()).containsOnlyKeys(1);
    }

    @Test
    void aLowerPushResyncsAndDropsHeldRoundsAtOrAboveIt() {
        RoundBook book = new RoundBook(0);
        book.install(plan(20, 1), T0);
        book.install(plan(21, 1), T0.plusSeconds(300));
        List<Long> dropped = book.install(plan(15, 1), T0.plusSeconds(310));
        assertThat(dropped).containsExactly(20L, 21L);
        assertThat(book.aggRound()).isEqualTo(15);
        assertThat(book.entries()).extracting(RoundEntry::round).containsExactly(15L);
    }

    @Test
    void aJumpOfMoreThanOneRoundDropsRoundsOlderThanThePreviousOne() {
        RoundBook book = new RoundBook(0);
        book.install(plan(20, 1), T0);
        List<Long> dropped = book.install(plan(23, 1), T0.plusSeconds(900));
        assertThat(dropped).containsExactly(20L);
        assertThat(book.entries()).extracting(RoundEntry::round).containsExactly(23L);
    }

    @Test
    void aRepeatedPushKeepsStatesAndAddsNewMiners() {
        RoundBook book = new RoundBook(0);
        book.install(plan(8, 1), T0);
        book.gradientIn(8, 1);
        book.install(plan(8, 1, 2), T0.plusSeconds(5));
        assertThat(book.entry(8).orElseThrow().slots().get(1).state()).isEqualTo(AssignmentState.GRADIENT_IN);
        assertThat(book.entry(8).orElseThrow().slots().get(2).state()).isEqualTo(AssignmentState.DELIVERED);
    }

    @Test
    void illegalTransitionsAreRefused() {
        RoundBook book = new RoundBook(0);
        book.install(plan(8, 1), T0);
        book.scored(8, 1, ScoreCard.zero(1, List.of(), "x"));
        assertThatThrownBy(() -> book.gradientIn(8, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SCORED");
        assertThatThrownBy(() -> book.gradientIn(8, 9)).hasMessageContaining("no assignment for uid 9");
    }
}
