package io.mvtrx.runtime.simulator.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.runtime.simulator.log.EventLogWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MarketFactsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void returnsStartAtTheFirstTradeAndAQuietIntervalGivesZero() {
        assertThat(MarketFacts.logReturns(new long[] {0, 0, 100, 110, 110, 99}))
                .containsExactly(Math.log(1.1), 0.0, Math.log(0.9));
        assertThat(MarketFacts.logReturns(new long[] {0, 0, 100})).isEmpty();
    }

    @Test
    void excessKurtosisOfAnAlternatingSeriesIsMinusTwo() {
        assertThat(MarketFacts.excessKurtosis(List.of(new double[] {1, -1, 1, -1}))).isCloseTo(-2, within(1e-12));
    }

    @Test
    void autocorrelationDividesLaggedCrossProductsByTheSumOfSquares() {
        double[] acf = MarketFacts.autocorrelation(List.of(new double[] {1, -1, 1, -1}));

        assertThat(acf).hasSize(MarketFacts.LAGS);
        assertThat(acf[0]).isCloseTo(-0.75, within(1e-12));
        assertThat(acf[1]).isCloseTo(0.5, within(1e-12));
        assertThat(acf[2]).isCloseTo(-0.25, within(1e-12));
        assertThat(acf[3]).isZero();
    }

    /** Book 0 trades at 30 s (100), 90 s (110) and 200 s (121); book 1 never; four one-minute steps. */
    private static Path log(Path dir) throws IOException {
        Path file = dir.resolve("events.l3");
        try (OutputStream out = Files.newOutputStream(file)) {
            EventLogWriter log = new EventLogWriter(out, 1, 2, BookDecimals.REFERENCE, 0, 60 * SECOND, 1);
            log.trade(0, 30 * SECOND, 0, 0, 1, 2, -1, -2, 100, 10, 0, 0);
            log.step(60 * SECOND);
            log.trade(0, 90 * SECOND, 1, 1, 3, 4, -1, -2, 110, 10, 0, 0);
            log.placed(1, 95 * SECOND, 0, -3, -1, 0, 0, 1, 90, 10, 0);
            log.step(120 * SECOND);
            log.step(180 * SECOND);
            log.trade(0, 200 * SECOND, 2, 0, 5, 6, -1, -2, 121, 10, 0, 0);
            log.step(240 * SECOND);
            log.close();
        }
        return file;
    }

    @Test
    void samplesEachBooksLastTradePricePerIntervalFromTheLog(@TempDir Path dir) throws IOException {
        MarketFacts facts = MarketFacts.fromLog(log(dir), 60 * SECOND);

        assertThat(facts.books()).hasSize(2);
        assertThat(facts.books().get(0).prices()).containsExactly(100, 110, 110, 121);
        assertThat(facts.books().get(0).trades()).isEqualTo(3);
        assertThat(facts.books().get(1).prices()).containsExactly(0, 0, 0, 0);
        assertThat(facts.returns()).isEqualTo(3);
        assertThat(facts.band()).isCloseTo(1.96 / Math.sqrt(3), within(1e-12));
    }

    @Test
    void drawsThreePlots(@TempDir Path dir) throws IOException {
        MarketFacts facts = MarketFacts.fromLog(log(dir), 60 * SECOND);

        List<Path> files = Plots.write(facts, dir.resolve("plots"));

        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("prices.png", "autocorrelation.png", "returns.png");
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(520);
        }
    }
}
