package io.mvtrx.runtime.gentrx.server;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.plugin.storage.fs.FsStorage;
import io.mvtrx.runtime.gentrx.delta.gradient.GradientCodec;
import io.mvtrx.runtime.gentrx.server.model.PublishPolicy;
import io.mvtrx.runtime.gentrx.server.round.Assignment;
import io.mvtrx.runtime.gentrx.server.round.AssignmentState;
import io.mvtrx.runtime.gentrx.server.round.RoundPlan;
import io.mvtrx.runtime.gentrx.server.round.RoundTiming;
import io.mvtrx.runtime.gentrx.server.scoring.AcceptanceRules;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class GradientServerTest {

    static final StorageLayout LAYOUT = new StorageLayout(GentrxNetwork.LOCALNET, GentrxMode.SIMULATION);

    @TempDir
    Path dir;
    private StorageBackend bucket;
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void open() throws Exception {
        bucket = FsStorage.open(dir.resolve("bucket"));
    }

    @AfterEach
    void close() throws Exception {
        bucket.close();
    }

    static ServerSettings settings(int warmupRounds) {
        return new ServerSettings(0, true, RoundTiming.defaults(),
                new AcceptanceRules(-0.1, 3.0, true, Double.POSITIVE_INFINITY, warmupRounds), 10, 1 << 20, 1.0,
                true, new PublishPolicy(2, 10, 24, 10));
    }

    GradientServer server(int warmupRounds) throws Exception {
        return server(warmupRounds, List.of());
    }

    GradientServer server(int warmupRounds, List<Integer> proposalValidators) throws Exception {
        return GradientServer.builder().proposalValidators(proposalValidators).settings(settings(warmupRounds)).layout(LAYOUT).ownBucket(bucket)
                .minerBuckets(MinerBuckets.shared(bucket)).data(new TestData()).evaluator(Fixtures.EVALUATOR)
                .clock(clock).stateDir(dir.resolve("state")).initialCheckpoint(Fixtures.checkpoint(dir)).build();
    }

    /** The keys the bucket does not hold. */
    private List<String> missing(String... keys) throws Exception {
        List<String> absent = new java.util.ArrayList<>();
        for (String key : keys) {
            var in = bucket.get(key);
            if (in.isEmpty()) {
                absent.add(key);
            } else {
                in.get().close();
            }
        }
        return absent;
    }

    static RoundPlan plan(long round, int... uids) {
        Map<Integer, Assignment> assignments = new TreeMap<>();
        for (int uid : uids) {
            assignments.put(uid, Fixtures.assignment(uid, round, 0));
        }
        return new RoundPlan(round, assignments, List.of("7"), round * 25);
    }

    void upload(int uid, long round, float d0, float d1) throws Exception {
        bucket.put(LAYOUT.gradient(uid, round),
                GradientCodec.encode(Fixtures.gradient(round, uid, 1, d0, d1)));
    }

    @Test
    void aRoundIsCollectedScoredDrainedAndCommittedAndTheScoringModelAdvances() throws Exception {
        GradientServer server = server(0);
        assertThat(server.pushRound(plan(5, 1, 2))).isEqualTo(2);
        upload(1, 5, 1, 0);
        server.tick();
        assertThat(server.state(5, 1)).contains(AssignmentState.SCORED);
        assertThat(server.state(5, 2)).contains(AssignmentState.DELIVERED);
        assertThat(server.scoresAfter(0)).isEmpty();

        clock.advance(300);
        server.pushRound(plan(6, 1, 2));
        clock.advance(29);
        server.tick();
        assertThat(server.scoresAfter(0)).isEmpty(); // within the 30 s grace uid 2 may still upload
        clock.advance(1);
        server.tick();

        // held-out loss 4 → 1: committed as version 1
        assertThat(server.version()).isEqualTo(1);
        assertThat(server.roundsAggregated()).isEqualTo(1);
        String payload = server.scoresAfter(4).orElseThrow();
        assertThat(payload).contains("\"round\":5", "\"model_version\":0", "\"n_accepted\":1", "\"n_rejected\":1",
                "\"1\":{\"score\":3.0,\"score_own\":1.0,\"score_held\":3.0,\"overfitting\":false,\"accepted\":true",
                "\"2\":{\"score\":0.0", "\"loss_before\":4.0", "\"loss_after\":1.0");
        assertThat(server.scoresAfter(5)).isEmpty();
        assertThat(missing(LAYOUT.delta(0, 1), LAYOUT.checkpoint(0, 1), LAYOUT.latestCheckpoint(0), LAYOUT.head(0),
                LAYOUT.proposal(0, 5))).isEmpty();

        // round 6 is scored against version 1, w = (1, 0): the same Δ takes held-out loss 1 → 0
        upload(1, 6, 1, 0);
        server.tick();
        clock.advance(300);
        server.pushRound(plan(7, 1));
        clock.advance(30);
        server.tick();
        assertThat(server.scoresAfter(5).orElseThrow()).contains("\"round\":6", "\"model_version\":1",
                "\"1\":{\"score\":1.0");
        assertThat(server.version()).isEqualTo(2);
        // version 2 is a multiple of the interval 2: a second full checkpoint
        assertThat(missing(LAYOUT.checkpoint(0, 2))).isEmpty();
        assertThat(missing(LAYOUT.checkpoint(0, 3))).containsExactly(LAYOUT.checkpoint(0, 3));
        assertThat(Files.readString(dir.resolve("state/aggregation.jsonl")))
                .contains("\"type\":\"aggregation\"", "\"type\":\"gradient_score\"");
    }

    @Test
    void anAggregateThatRaisesTheHeldOutLossIsRolledBack() throws Exception {
        GradientServer server = server(0);
        server.pushRound(plan(5, 1));
        upload(1, 5, 0, 0.2f); // held 4 → 4.04: score −0.04 is accepted, the aggregate is worse
        server.tick(); // every miner in: the round closes at once
        assertThat(server.version()).isZero();
        assertThat(server.rollbacks()).isEqualTo(1);
        assertThat(server.aggRound()).isEqualTo(6);
        assertThat(server.scoresAfter(0).orElseThrow()).contains("\"accepted\":true",
                "\"was_rollback_winner\":true", "\"rolled_back\":true");
    }

    @Test
    void inWarmUpTheSameAggregateCommits() throws Exception {
        GradientServer server = server(5);
        server.pushRound(plan(5, 1));
        upload(1, 5, 0, 0.2f);
        server.tick();
        assertThat(server.version()).isEqualTo(1);
        assertThat(server.rollbacks()).isZero();
    }

    @Test
    void aGradientOverTheSizeCapIsRefusedAndAnUnreadableOneScoresZero() throws Exception {
        GradientServer server = server(0);
        server.pushRound(plan(5, 1, 2));
        bucket.put(LAYOUT.gradient(1, 5), new byte[(1 << 20) + 1]);
        bucket.put(LAYOUT.gradient(2, 5), new byte[] {1, 2, 3});
        server.tick();
        assertThat(server.state(5, 1)).isEmpty(); // both scored at once: the round already drained
        assertThat(server.scoresAfter(0).orElseThrow()).contains("\"n_scored\":0", "\"n_accepted\":0");
        assertThat(server.version()).isZero();
    }

    @Test
    void aRestartKeepsTheRoundTheAssignmentsTheVersionAndTheStashedScores() throws Exception {
        GradientServer first = server(0);
        first.pushRound(plan(5, 1, 2));
        upload(1, 5, 1, 0);
        first.tick();
        clock.advance(300);
        first.pushRound(plan(6, 1, 2));
        clock.advance(30);
        first.tick();
        upload(2, 6, 1, 0);
        first.tick();
        first.persistAll();

        GradientServer second = server(0);
        assertThat(second.version()).isEqualTo(1);
        assertThat(second.aggRound()).isEqualTo(6);
        assertThat(second.state(6, 1)).contains(AssignmentState.DELIVERED);
        assertThat(second.state(6, 2)).contains(AssignmentState.SCORED);
        assertThat(second.scoresAfter(4).orElseThrow()).contains("\"round\":5", "\"n_accepted\":1");
        assertThat(second.assignment(2)).contains("{\"round\":6,\"miner\":2}");
    }

    @Test
    void theAggregatorTakesAnotherValidatorsProposalWhenItsLossIsStrictlyLower() throws Exception {
        GradientServer server = server(0, List.of(3, 4));
        // validator 3 proposes (2, 0): held-out loss 0 against the local aggregate's 1; validator 4's (50, 0) has
        // 50 times the local norm and is skipped
        bucket.put(LAYOUT.proposal(3, 5), GradientCodec.encode(Fixtures.gradient(5, 3, 1, 2, 0)));
        bucket.put(LAYOUT.proposal(4, 5), GradientCodec.encode(Fixtures.gradient(5, 4, 1, 50, 0)));
        server.pushRound(plan(5, 1));
        upload(1, 5, 1, 0);
        server.tick();
        assertThat(server.version()).isEqualTo(1);
        assertThat(server.scoresAfter(0).orElseThrow()).contains("\"loss_before\":4.0", "\"loss_after\":0.0");
        // round 6 scores against (2, 0): Δ (1, 0) now overshoots, held 0 → 1
        server.pushRound(plan(6, 1));
        upload(1, 6, 1, 0);
        server.tick();
        assertThat(server.scoresAfter(5).orElseThrow()).contains("\"1\":{\"score\":-1.0");
    }
}
