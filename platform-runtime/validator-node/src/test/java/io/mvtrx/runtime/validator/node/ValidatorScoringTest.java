package io.mvtrx.runtime.validator.node;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.runtime.validator.scoring.MinerTrade;
import io.mvtrx.runtime.validator.scoring.ScoreFile;
import io.mvtrx.runtime.validator.scoring.ScoreRound;
import io.mvtrx.runtime.validator.scoring.ScoringPipeline;
import io.mvtrx.runtime.validator.scoring.SimulationParams;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.validator.node.Fixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter feeds the pipeline exactly what a direct {@link ScoringPipeline} run is given: the same trades per
 * state (a self-trade's two notices as one trade), the same scores, and a checkpoint that reads back to the same
 * state.
 */
class ValidatorScoringTest {

    private static final BookDecimals DECIMALS = BookDecimals.REFERENCE;
    private static final ScoringSettings SETTINGS = ScoringSettings.REFERENCE.withWindow(60 * SECOND);
    private static final SimulationParams SHAPE = new SimulationParams(2, 1_000, 4, 600 * SECOND);
    private static final int BACKGROUND = 99;

    /** uid 0 buys as taker at even states and sells as maker at odd ones; uid 1 self-trades on book 1 at state 3. */
    private static List<TradeNotice> notices(int state) {
        List<TradeNotice> out = new ArrayList<>();
        long ts = state * 5 * SECOND;
        if (state % 2 == 0) {
            out.add(new TradeNotice(trade(0, ts, Side.BUY, 0, BACKGROUND, 10_000 + state, 20_000_000L, 0), 1,
                    false));
        } else {
            out.add(new TradeNotice(trade(0, ts, Side.BUY, BACKGROUND, 0, 10_040 + state, 0, -20_000_000L), 2,
                    true));
        }
        if (state == 3) {
            Trade self = trade(1, ts, Side.SELL, 1, 1, 10_010, 30_000_000L, 5_000_000L);
            out.add(new TradeNotice(self, 3, true));
            out.add(new TradeNotice(self, 4, false));
        }
        return out;
    }

    private static Trade trade(int book, long ts, Side takerSide, int taker, int maker, long price, long takerFee,
                               long makerFee) {
        return new Trade(book, ts, ts, takerSide, 1, 2, taker, maker, price, 10_000, takerFee, makerFee);
    }

    private static int uidOf(TradeNotice notice) {
        return notice.asMaker() ? notice.trade().makerAgentId() : notice.trade().takerAgentId();
    }

    @Test
    void feedsThePipelineWhatADirectRunGetsAndScoresTheSame() throws IOException {
        ValidatorScoring adapter = new ValidatorScoring(SETTINGS, ValidatorLoop.metric(Fixtures.PLUGINS, SETTINGS),
                3, SHAPE);
        ScoringPipeline direct = ScoringPipeline.create(SETTINGS.config(), SHAPE, 3, SETTINGS.movingAverageAlpha(),
                ValidatorLoop.metric(Fixtures.PLUGINS, SETTINGS));
        ScoreRound round = null;
        for (int state = 1; state <= 12; state++) {
            long ts = state * 5 * SECOND;
            Map<Integer, List<MinerTrade>> trades = new HashMap<>();
            for (TradeNotice notice : notices(state)) {
                adapter.onTrade(uidOf(notice), notice, DECIMALS);
                Trade t = notice.trade();
                boolean selfTaker = t.makerAgentId() == t.takerAgentId() && !notice.asMaker();
                if (!selfTaker) {
                    trades.computeIfAbsent(uidOf(notice), u -> new ArrayList<>()).add(new MinerTrade(t.bookId(),
                            t.takerSide() == Side.BUY ? 0 : 1, DECIMALS.price().toDouble(t.price()),
                            DECIMALS.volume().toDouble(t.volume()), t.makerAgentId(), t.takerAgentId(),
                            DECIMALS.quote().toDouble(t.makerFee()), DECIMALS.quote().toDouble(t.takerFee())));
                }
            }
            adapter.observe(ts);
            direct.recordState(ts, trades);
            if (adapter.due(ts)) {
                adapter.score();
                round = direct.score(ts);
            }
        }

        assertThat(round).isNotNull();
        float[] expected = direct.scores();
        assertThat(expected[0]).isPositive();
        double[] scores = adapter.scores();
        for (int uid = 0; uid < 3; uid++) {
            assertThat(scores[uid]).isEqualTo((double) expected[uid]);
            MinerReport report = adapter.report(uid);
            assertThat(report.tradingScore()).isEqualTo(round.tradingScores()[uid]);
            assertThat(report.reward()).isEqualTo((double) round.afterPareto()[uid]);
        }
        // uid 0 round-trips on book 0 only: a Kappa there, none on book 1
        assertThat(adapter.report(0).kappa()[0]).isFinite();
        assertThat(adapter.report(0).kappa()[1]).isNaN();

        // the whole state, lots included (uid 1's self-trade opened one long), is the direct run's
        String written = checkpointOf(adapter);
        assertThat(written).isEqualTo(ScoreFile.checkpoint(direct));
        assertThat(written).contains("\"1\": {\"longs\": [[15000000000, 1.0, 100.1, 0.0005]]");

        ValidatorScoring restored = new ValidatorScoring(SETTINGS, ValidatorLoop.metric(Fixtures.PLUGINS, SETTINGS),
                3, SHAPE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        adapter.write(new DataOutputStream(bytes));
        restored.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(checkpointOf(restored)).isEqualTo(written);
        assertThat(restored.scores()).containsExactly(scores);
    }

    @Test
    void weightsComeFromTheRegisteredUidsScores() {
        ValidatorScoring adapter = new ValidatorScoring(SETTINGS, ValidatorLoop.metric(Fixtures.PLUGINS, SETTINGS),
                3, SHAPE);
        assertThat(adapter.weights(List.of(0, 1, 2))).isEmpty();
        for (int state = 1; state <= 12; state++) {
            for (TradeNotice notice : notices(state)) {
                adapter.onTrade(uidOf(notice), notice, DECIMALS);
            }
            adapter.observe(state * 5 * SECOND);
            adapter.score();
        }
        assertThat(adapter.scores()[0]).isPositive();
        assertThat(adapter.weights(List.of(0, 1, 2))).containsOnlyKeys(0).containsEntry(0, 1.0);
        assertThat(adapter.weights(List.of(1, 2))).isEmpty();
        adapter.reset(0);
        assertThat(adapter.scores()[0]).isZero();
        assertThat(adapter.report(0)).isNull();
    }

    private static String checkpointOf(ValidatorScoring scoring) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        scoring.write(new DataOutputStream(bytes));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        in.readLong();
        byte[] document = new byte[in.readInt()];
        in.readFully(document);
        return new String(document, StandardCharsets.UTF_8);
    }
}
