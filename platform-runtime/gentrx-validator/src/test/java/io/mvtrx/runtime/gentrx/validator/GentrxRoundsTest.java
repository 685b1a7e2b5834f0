package io.mvtrx.runtime.gentrx.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GentrxRoundsTest {

    private static final String STATUS = """
            {"max_ts": 900000000000, "version": 2, "round": 0, "bucket_prefix": "gentrx/localnet/simulation/",
             "books": {"0": {"parquets": [["a.parquet", 0, 100]]}, "1": {"parquets": [["b.parquet", 50, 300]]},
                       "2": {"parquets": [["c.parquet", 10, 200]]}}}
            """;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T00:00:00Z"));
    private final List<Map<Integer, TrainingAssignment>> delivered = new CopyOnWriteArrayList<>();
    private LoopbackGradientServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private GentrxRounds rounds(GentrxRewards rewards) {
        var client = new GradientServerClient(server.base(), Optional.of(LoopbackGradientServer.KEY),
                Duration.ofSeconds(5), Duration.ofMillis(1));
        InstantSource clock = () -> now.get();
        return new GentrxRounds(client, new AssignmentPlanner(), rewards, assignments -> {
            delivered.add(assignments);
            return new HashSet<>(assignments.keySet());
        }, GentrxRounds.Settings.REFERENCE, new BucketAccess("local", "/srv/gentrx", "", "", ""), 0, clock);
    }

    @Test
    void opensARoundOncePerTwentyFiveBlocksAfterFiveMinutesOfDataAndDeliversEachMinerItsOwn() throws Exception {
        server = new LoopbackGradientServer().route("GET /gentrx/data-status", 200, STATUS)
                .route("POST /gentrx/round", 200, "{\"status\": \"ok\"}");
        GentrxRounds rounds = rounds(new GentrxRewards(8));

        assertThat(rounds.onState(100, 299_999_999_999L, List.of(3, 5)))
                .isEqualTo(new GentrxRounds.Outcome.Waiting("warming up: 299999999999 of 300000000000 ns pushed"));
        var opened = (GentrxRounds.Outcome.Opened) rounds.onState(100, 300_000_000_000L, List.of(3, 5));
        assertThat(rounds.onState(124, 400_000_000_000L, List.of(3, 5)))
                .isEqualTo(new GentrxRounds.Outcome.Waiting("round 4 is open"));

        // block 100 / 25 = round 4; 3 books -> 1 held out, 2 to train on, each miner takes both
        assertThat(opened.round()).isEqualTo(4);
        assertThat(opened.assigned()).isEqualTo(2);
        assertThat(opened.delivered()).containsExactlyInAnyOrder(3, 5);
        assertThat(opened.heldOut()).hasSize(1);
        assertThat(delivered).hasSize(1);
        for (TrainingAssignment assignment : delivered.getFirst().values()) {
            assertThat(assignment.books()).hasSize(2).doesNotContainAnyElementsOf(opened.heldOut());
            assertThat(assignment.modelVersion()).isEqualTo(2);
            assertThat(assignment.bucketPrefix()).isEqualTo("gentrx/localnet/simulation/");
        }
        assertThat(server.seen).hasSize(2);
        assertThat(server.seen.get(1)).startsWith("POST /gentrx/round key=k3y {\"round\":4,")
                .contains("\"val_books\":[\"" + opened.heldOut().getFirst() + "\"],\"block\":100}");
        assertThat(rounds.currentRound()).isEqualTo(4);
    }

    @Test
    void aRefusedPushLeavesTheRoundClosedSoTheNextStateTriesAgain() throws Exception {
        server = new LoopbackGradientServer().route("GET /gentrx/data-status", 200, STATUS)
                .route("POST /gentrx/round", 500, "down");
        GentrxRounds rounds = rounds(new GentrxRewards(8));

        assertThatThrownBy(() -> rounds.onState(50, 400_000_000_000L, List.of(1)))
                .isInstanceOf(GradientServerException.class).hasMessageContaining("POST round").hasMessageEndingWith(
                        "/gentrx/round: HTTP 500 down");
        assertThat(rounds.currentRound()).isEqualTo(-1);
        assertThat(delivered).isEmpty();

        server.route("POST /gentrx/round", 200, "{\"status\": \"ok\"}");
        assertThat(rounds.onState(51, 400_000_000_000L, List.of(1))).isInstanceOf(GentrxRounds.Outcome.Opened.class);
        assertThat(rounds.currentRound()).isEqualTo(2);
    }

    @Test
    void aRoundWithNoPagesIsSkippedAndCounted() throws Exception {
        server = new LoopbackGradientServer().route("GET /gentrx/data-status", 200,
                "{\"max_ts\": 1, \"version\": 0, \"round\": 0, \"books\": {}}");
        GentrxRounds rounds = rounds(new GentrxRewards(8));

        assertThat(rounds.onState(75, 400_000_000_000L, List.of(1)))
                .isEqualTo(new GentrxRounds.Outcome.Skipped(3, "no pages yet"));
        assertThat(rounds.currentRound()).isEqualTo(3);
    }

    @Test
    void readsScoresEveryThirtySecondsAndFoldsEachRoundOnce() throws Exception {
        server = new LoopbackGradientServer()
                .route("GET /gentrx/scores?since_round=-1", 200, """
                        {"round": 4, "model_version": 3, "n_accepted": 2,
                         "scores": {"3": {"score": 0.5, "accepted": true}, "5": {"score": 0.1, "accepted": true}}}
                        """)
                .route("GET /gentrx/scores?since_round=4", 204, "");
        GentrxRewards rewards = new GentrxRewards(8);
        GentrxRounds rounds = rounds(rewards);

        assertThat(rounds.pollScores()).map(RoundScores::round).contains(4L);
        assertThat(rounds.pollScores()).isEmpty(); // not yet 30 s: no request
        now.set(now.get().plusSeconds(30));
        assertThat(rounds.pollScores()).isEmpty(); // asked since round 4: 204

        // ranks: uid 5 (0.1) 0, uid 3 (0.5) 1 -> EMA 0.1 * rank
        assertThat(rewards.rankEma()).containsExactly(0, 0, 0, 0.1, 0, 0, 0, 0);
        assertThat(rounds.lastScoredRound()).isEqualTo(4);
        assertThat(server.seen).hasSize(2);
    }
}
