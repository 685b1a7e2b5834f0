package io.mvtrx.runtime.simulator.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.runtime.simulator.log.EventLogWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MarketFactsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final int BUY = 0;
    private static final int SELL = 1;

    /**
     * One block of two books, four one-minute steps; book 1 stays empty. Book 0 (prices in ticks):
     * at 0 s bid 100 and ask 102; at 70 s the ask is cancelled and at 70.5 s an ask rests at 104; at 130 s a sell
     * fills the bid and at 131 s a bid rests at 101; at 200 s an ask rests at 103.
     */
    private static Path log(Path dir) throws IOException {
        Path file = dir.resolve("events.l3");
        try (OutputStream out = Files.newOutputStream(file)) {
            EventLogWriter log = new EventLogWriter(out, 1, 2, BookDecimals.REFERENCE, 0, MINUTE, 1);
            log.placed(0, 0, 1, -1, -1, 0, BUY, 0, 100, 10, 0);
            log.placed(0, 0, 2, -2, -1, 0, SELL, 0, 102, 10, 0);
            log.step(MINUTE);
            log.cancelled(0, 70 * SECOND, 2, -2, 102, 10, 0, 0);
            log.placed(0, 70 * SECOND + SECOND / 2, 3, -2, -1, 0, SELL, 0, 104, 10, 0);
            log.step(2 * MINUTE);
            log.trade(0, 130 * SECOND, 0, SELL, 9, 1, -3, -1, 100, 10, 0, 0);
            log.placed(0, 131 * SECOND, 4, -1, -1, 0, BUY, 0, 101, 10, 0);
            log.step(3 * MINUTE);
            log.placed(0, 200 * SECOND, 5, -2, -1, 0, SELL, 0, 103, 10, 0);
            log.step(4 * MINUTE);
            log.close();
        }
        return file;
    }

    @Test
    void samplesTheRebuiltBookAtIntervalEndsAndEverySecond(@TempDir Path dir) throws IOException {
        MarketFacts facts = MarketFacts.fromLog(log(dir), MINUTE, Optional.empty());

        MarketFacts.BookSeries book = facts.books().get(0);
        assertThat(facts.books()).hasSize(2);
        assertThat(book.mids()).containsExactly(101, 102, 102.5, 102);
        assertThat(book.lastTrades()).containsExactly(0, 0, 100, 100);
        assertThat(book.trades()).containsExactly(0, 0, 1, 0);
        assertThat(book.volumes()).containsExactly(0, 0, 10, 0);
        assertThat(book.spreads()).hasSize(240);
        // seconds 1..70: 2; 71..130: 4 (the half second without an ask falls between samples); 131: no bid;
        // 132..200: 3; 201..240: 2
        assertThat(Arrays.copyOfRange(book.spreads(), 69, 71)).containsExactly(2, 4);
        assertThat(Arrays.copyOfRange(book.spreads(), 129, 132)).containsExactly(4, -1, 3);
        assertThat(Arrays.copyOfRange(book.spreads(), 199, 201)).containsExactly(3, 2);
        assertThat(book.longestEmptyBid()).isEqualTo(SECOND);
        assertThat(book.longestEmptyAsk()).isEqualTo(SECOND / 2);
        assertThat(facts.books().get(1).mids()).containsExactly(0, 0, 0, 0);
        assertThat(facts.books().get(1).longestEmptyBid()).isEqualTo(4 * MINUTE);
    }

    @Test
    void factsOfTheBookFollowFromItsSamples(@TempDir Path dir) throws IOException {
        MarketFacts facts = MarketFacts.fromLog(log(dir), MINUTE, Optional.empty());

        MarketFacts.Facts f = facts.perBook().get(0);
        assertThat(f.returns()).isEqualTo(3);
        // (70·2 + 60·4 + 69·3 + 40·2) / 239 two-sided samples; the 120th of them sorted is 3
        assertThat(f.meanSpread()).isCloseTo(667.0 / 239, within(1e-12));
        assertThat(f.medianSpread()).isEqualTo(3.0);
        assertThat(f.tradesPerMinute()).isCloseTo(0.25, within(1e-12));
        assertThat(f.longestEmptyBid()).isEqualTo(SECOND);
        double[] r = {Math.log(102 / 101.0), Math.log(102.5 / 102), Math.log(102 / 102.5)};
        double[] acf = Statistics.autocorrelation(List.of(r), 1);
        assertThat(f.acfReturns()[0]).isCloseTo(acf[0], within(1e-12));
        // the only trade is in the interval of the second return
        double[] absolute = Arrays.stream(r).map(Math::abs).toArray();
        assertThat(f.volumeVolatility()).isCloseTo(Statistics.crossCorrelation(List.of(absolute),
                List.of(new double[] {0, 10, 0}), 0), within(1e-12));
        assertThat(f.fundamentalAcf1()).isNaN();
        // the empty book 1 makes the pooled longest spell the whole run
        assertThat(facts.pooled().longestEmptyBid()).isEqualTo(4 * MINUTE);
        assertThat(facts.pooled().tradesPerMinute()).isCloseTo(0.125, within(1e-12));
    }

    @Test
    void aReferencePriceIsSampledAtTheIntervalEndsInTicks(@TempDir Path dir) throws IOException {
        MarketFacts.Reference reference = (book, first, interval, count) -> {
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                values[i] = (first + i * interval) / (double) MINUTE;
            }
            return values;
        };

        MarketFacts facts = MarketFacts.fromLog(log(dir), MINUTE, Optional.of(reference));

        MarketFacts.BookSeries book = facts.books().get(0);
        assertThat(book.fundamental()).containsExactly(100, 200, 300, 400);
        double deviation = (Math.log(101 / 100.0) + Math.log(200 / 102.0) + Math.log(300 / 102.5)
                + Math.log(400 / 102.0)) / 4;
        assertThat(facts.perBook().get(0).meanAbsDeviation()).isCloseTo(deviation, within(1e-12));
        // the reference's returns ln 2, ln 1.5, ln 4/3 fall; its lag-1 autocorrelation is defined
        assertThat(facts.perBook().get(0).fundamentalAcf1()).isFinite();
    }

    private static MarketFacts.BookSeries series(double[] mids, long longestEmptyAsk) {
        int n = mids.length;
        return new MarketFacts.BookSeries(0, mids, new long[n], new long[n], new long[n], new double[0],
                new int[] {2, 2, 3}, new double[MarketFacts.DEPTH_LEVELS], new double[MarketFacts.DEPTH_LEVELS], 0,
                longestEmptyAsk, 0, longestEmptyAsk);
    }

    @Test
    void targetsJudgeThePooledFacts() {
        // a price that rises 2 % and falls 0.1 % in turn: two-valued returns (kurtosis < 0, no tail), ACF(r, 1) and
        // ACF(|r|, 1) near -1
        double[] mids = new double[40];
        mids[0] = 100;
        for (int i = 1; i < mids.length; i++) {
            mids[i] = mids[i - 1] * (i % 2 == 1 ? 1.02 : 0.999);
        }
        MarketFacts facts = MarketFacts.of(MINUTE, BookDecimals.REFERENCE, 0, List.of(series(mids,
                3 * SECOND / 2)));

        List<MarketFacts.Target> targets = facts.targets();

        assertThat(targets).extracting(MarketFacts.Target::name)
                .containsExactly("kurtosis", "hill", "acfReturns1", "acfAbsolute", "spread");
        assertThat(targets).allSatisfy(t -> assertThat(t.met()).as(t.name()).isFalse());
        assertThat(targets.get(2).measured()).isEqualTo(String.format(java.util.Locale.ROOT, "%+.3f",
                facts.pooled().acfReturns()[0]));
        assertThat(facts.pooled().acfReturns()[0]).isLessThan(-0.9);
        assertThat(facts.pooled().acfAbsolute()[0]).isLessThan(-0.9);
        assertThat(targets.get(3).measured()).isEqualTo("positive through lag 0");
        assertThat(targets.get(4).measured()).isEqualTo("median 2.0 ticks, longest empty side 1.500 s");
    }

    @Test
    void theSpreadTargetHoldsForAOneSecondGap() {
        double[] mids = {100, 101, 102};
        MarketFacts facts = MarketFacts.of(MINUTE, BookDecimals.REFERENCE, 0, List.of(series(mids, SECOND)));

        assertThat(facts.targets().get(4).met()).isTrue();
    }

    @Test
    void drawsFivePlots(@TempDir Path dir) throws IOException {
        MarketFacts facts = MarketFacts.fromLog(log(dir), MINUTE, Optional.of((book, first, interval, count) -> {
            double[] values = new double[count];
            Arrays.fill(values, 1.02);
            return values;
        }));

        List<Path> files = Plots.write(facts, dir.resolve("plots"));

        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyElementsOf(Plots.FILES);
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(520);
        }
    }

    @Test
    void theReportObjectListsPooledFactsTargetsAndBooks(@TempDir Path dir) throws IOException {
        MarketFacts facts = MarketFacts.fromLog(log(dir), MINUTE, Optional.empty());

        String json = FactsJson.object(facts, 2);

        assertThat(json).startsWith("{\n    \"intervalNs\": 60000000000,")
                .contains("\"pooled\": {\"returns\": 3, ", "\"medianSpreadTicks\": 3.0000, ",
                        "\"tradesPerMinute\": 0.1250, ", "{\"name\": \"acfAbsolute\", ",
                        "{\"bookId\": 1, \"trades\": 0, \"emptyBidSeconds\": 240.0000, ",
                        "\"fundamentalAcfLag1\": null")
                .endsWith("  }");
    }
}
