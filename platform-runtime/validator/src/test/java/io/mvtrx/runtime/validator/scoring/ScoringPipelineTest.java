package io.mvtrx.runtime.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ScoringPipelineTest {

    private static final long SECOND = 1_000_000_000L;
    private static final SimulationParams SIM = new SimulationParams(2, 1000, 2, 600 * SECOND);

    private static ScoringPipeline pipeline(int uids) {
        return ScoringPipeline.create(ScoringConfig.REFERENCE, SIM, uids,
                ScoringPipeline.REFERENCE_MOVING_AVERAGE_ALPHA, Metrics.builtIn());
    }

    @Test
    void everyUidGetsAnObservationPerStateAndPnlIsStoredRounded() {
        ScoringPipeline p = pipeline(2);
        p.recordState(5 * SECOND, Map.of(0, List.of(new MinerTrade(1, 1, 100, 1, 0, 9, 0.0, 0.0))));
        // sell 1 @ 100.004 closes the long: 0.004 -> rounded to 2 decimals (half of 0.01 below) -> 0.0, not stored
        p.recordState(10 * SECOND, Map.of(0, List.of(new MinerTrade(1, 0, 100.004, 1, 0, 9, 0.0, 0.0))));
        p.recordState(15 * SECOND, Map.of(0, List.of(new MinerTrade(1, 1, 100, 1, 0, 9, 0.0, 0.0),
                new MinerTrade(1, 0, 101.126, 1, 0, 9, 0.0, 0.0))));
        assertThat(p.history(1).realizedPnl()).containsOnlyKeys(5 * SECOND, 10 * SECOND, 15 * SECOND);
        assertThat(p.history(0).realizedPnl().get(10 * SECOND)).isEmpty();
        // 101.126 - 100 = 1.1259999999999906 -> 1.13
        assertThat(p.history(0).realizedPnl().get(15 * SECOND)).containsEntry(1, 1.13);
        // round trips: closed quantity × trade price, in the 600 s sample of the state
        assertThat(p.history(0).roundTripVolume().get(1)).containsEntry(0L, 100.004 + 101.126);
    }

    @Test
    void historiesArePrunedAtMostEverySixtySeconds() {
        ScoringPipeline p = pipeline(1);
        long lookback = ScoringConfig.REFERENCE.kappa().lookback();
        p.recordState(1 * SECOND, Map.of());
        p.recordState(lookback + 30 * SECOND, Map.of());
        // the second state is within 60 s of the first prune? No: a prune at t = 1 s, then at lookback + 30 s.
        assertThat(p.history(0).realizedPnl()).containsOnlyKeys(lookback + 30 * SECOND);
        p.recordState(lookback + 40 * SECOND, Map.of());
        p.recordState(2 * lookback + 35 * SECOND, Map.of());
        // last prune at lookback + 30 s; 2·lookback + 35 s is 60 s or more later: prune below lookback + 35 s
        assertThat(p.history(0).realizedPnl()).containsOnlyKeys(lookback + 40 * SECOND, 2 * lookback + 35 * SECOND);
        assertThat(p.lastPrune()).contains(2 * lookback + 35 * SECOND);
    }

    @Test
    void aDeregisteredUidHasNoKappaAndItsScoreDropsToZero() {
        ScoringPipeline p = pipeline(2);
        p.setScore(1, 0.5f);
        p.deregister(1);
        assertThat(p.scores()[1]).isZero();
        assertThat(p.deregistered()).containsExactly(1);
        p.confirmReset(1);
        assertThat(p.deregistered()).isEmpty();
    }

    @Test
    void checkpointRestoreAndContinueEqualsAnUninterruptedRun() {
        List<Map<Integer, List<MinerTrade>>> states = randomStates(400, 3);
        ScoringPipeline whole = pipeline(3);
        ScoringPipeline firstHalf = pipeline(3);
        for (int i = 0; i < states.size(); i++) {
            whole.recordState((i + 1) * 5 * SECOND, states.get(i));
            if (i < 200) {
                firstHalf.recordState((i + 1) * 5 * SECOND, states.get(i));
            }
            if (i == 199) {
                firstHalf.score((i + 1) * 5 * SECOND);
                whole.score((i + 1) * 5 * SECOND);
            }
        }
        String checkpoint = ScoreFile.checkpoint(firstHalf);
        ScoringPipeline resumed = ScoreFile.restore(checkpoint, Metrics.builtIn()).pipeline();
        assertThat(ScoreFile.checkpoint(resumed)).isEqualTo(checkpoint);
        for (int i = 200; i < states.size(); i++) {
            resumed.recordState((i + 1) * 5 * SECOND, states.get(i));
        }
        long now = states.size() * 5 * SECOND;
        ScoreRound a = whole.score(now);
        ScoreRound b = resumed.score(now);
        assertThat(b.tradingScores()).containsExactly(a.tradingScores());
        assertThat(b.ema()).containsExactly(a.ema());
        assertThat(ScoreFile.checkpoint(resumed)).isEqualTo(ScoreFile.checkpoint(whole));
        assertThat(java.util.Arrays.stream(a.tradingScores()).max().orElse(0)).as("someone scores").isPositive();
    }

    @Test
    void anUnknownMetricIsNamed() {
        ScoringConfig.Kappa k = ScoringConfig.Kappa.REFERENCE;
        ScoringConfig config = new ScoringConfig(new ScoringConfig.Kappa("sharpe", k.weight(), k.lookback(),
                k.minLookback(), k.tau(), k.minRealizedObservations(), k.normalizationMin(), k.normalizationMax(),
                k.pnlImpact()), ScoringConfig.Pnl.REFERENCE, ScoringConfig.Activity.REFERENCE, 5 * SECOND, 0.375,
                ScoringConfig.Rewarding.REFERENCE);
        assertThatThrownBy(() -> ScoringPipeline.create(config, SIM, 2, 0.1, Metrics.builtIn()))
                .hasMessage("scoring.kappa.metric: no scoring metric named 'sharpe' is loaded");
    }

    private static List<Map<Integer, List<MinerTrade>>> randomStates(int count, int uids) {
        SplittableRandom random = new SplittableRandom(42);
        List<Map<Integer, List<MinerTrade>>> states = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<Integer, List<MinerTrade>> state = new HashMap<>();
            for (int uid = 0; uid < uids; uid++) {
                if (random.nextDouble() < 0.4) {
                    boolean maker = random.nextBoolean();
                    double price = Math.round((100 + random.nextGaussian()) * 100) / 100.0;
                    double quantity = Math.round(random.nextDouble(0.01, 2) * 100) / 100.0;
                    state.put(uid, List.of(new MinerTrade(random.nextInt(2), random.nextInt(2), price, quantity,
                            maker ? uid : 9, maker ? 9 : uid, -0.001, 0.02)));
                }
            }
            states.add(state);
        }
        return states;
    }
}
