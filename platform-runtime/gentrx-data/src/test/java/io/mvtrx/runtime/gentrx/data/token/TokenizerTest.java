package io.mvtrx.runtime.gentrx.data.token;

import java.util.List;

import io.mvtrx.runtime.gentrx.data.page.OrderType;
import io.mvtrx.runtime.gentrx.data.page.PageColumns;
import io.mvtrx.runtime.gentrx.data.page.TrainingRow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TokenizerTest {

    /*
     * Price: positive edges P_j = 500^(j/49), j = 0..49, so P_0 = 1, P_18 = 500^(18/49) = 9.83,
     * P_19 = 10.62, P_36 = 96.0, P_37 = 103.7, P_47 = 388.0, P_48 = 440.4, P_49 = 500 (as computed:
     * 10^(49·log10(500)/49) = 499.99999999999994, one ulp low). Edges = [-P_49..-P_0, P_0..P_49]; bin = edges <= v.
     *   -501 -> no edge <= -501                                  -> 0
     *   -500 -> -P_49 = -499.99999999999994 > -500, still none   -> 0
     *   -499 -> -P_49 only                                       -> 1
     *     -2 -> -P_j <= -2 for P_j >= 2: j = 6..49 (500^(5/49) = 1.886, 500^(6/49) = 2.140) -> 44
     *     -1 -> all 50 negative edges                            -> 50
     *      0 -> 50;  1 -> 50 + P_0                               -> 51
     *      2 -> 50 + P_0..P_5                                    -> 56
     *     10 -> 50 + P_0..P_18                                   -> 69
     *    100 -> 50 + P_0..P_36                                   -> 87
     *    440 -> 50 + P_0..P_47 (P_48 = 440.44 > 440)             -> 98
     *    499 -> 50 + P_0..P_48                                   -> 99
     *    500 -> 50 + all 50 = 100, clipped                       -> 99
     */
    @ParameterizedTest(name = "rel_price {0} -> {1}")
    @CsvSource({"-501, 0", "-500, 0", "-499, 1", "-2, 44", "-1, 50", "0, 50", "1, 51", "2, 56", "10, 69",
        "100, 87", "440, 98", "499, 99", "500, 99", "501, 99", "-1000000, 0", "1000000, 99"})
    void binsRelativePricesBySymmetricLog(long relPrice, int bin) {
        assertThat(Tokenizer.PRICE.bin(relPrice)).isEqualTo(bin);
    }

    /*
     * Whole volume: edges 10^(2i/63), i = 1..63 (1.076 .. 100); bin = edges <= v.
     *   0, 1 -> 0 (first edge 1.076)
     *   2    -> i <= 63·log10(2)/2 = 9.48   -> 9
     *   10   -> i <= 63·1/2 = 31.5          -> 31
     *   50   -> i <= 63·1.699/2 = 53.52     -> 53
     *   99   -> i <= 63·1.99564/2 = 62.86   -> 62
     *   100  -> all 63 (the last edge is exactly 10^2)  -> 63; 1000 -> 63
     */
    @ParameterizedTest(name = "volume_int {0} -> {1}")
    @CsvSource({"0, 0", "1, 0", "2, 9", "10, 31", "50, 53", "99, 62", "100, 63", "1000, 63"})
    void binsWholeVolumesByLog(int volume, int bin) {
        assertThat(Tokenizer.VOLUME_INT.bin(volume)).isEqualTo(bin);
    }

    /*
     * Interval: edges 10^(i·log10(5e7)/63), i = 1..63, log10(5e7) = 7.69897.
     *   0, 1 -> 0;  10 -> i <= 63/7.69897 = 8.18 -> 8;  1000 -> i <= 189/7.69897 = 24.55 -> 24;
     *   10^6 -> i <= 378/7.69897 = 49.10 -> 49;  5e7 -> 63;  1e9 -> 63
     */
    @ParameterizedTest(name = "interval_ns {0} -> {1}")
    @CsvSource({"0, 0", "1, 0", "10, 8", "1000, 24", "1000000, 49", "50000000, 63", "1000000000, 63"})
    void binsIntervalsByLog(long intervalNs, int bin) {
        assertThat(Tokenizer.INTERVAL.bin(intervalNs)).isEqualTo(bin);
    }

    /* Fraction: interior edges i/8, i = 1..7. 0.124 -> 0, 0.125 -> 1, 0.5 -> 4, 0.875 -> 7, 0.99 -> 7. */
    @ParameterizedTest(name = "volume_dec {0} -> {1}")
    @CsvSource({"0, 0", "0.124, 0", "0.125, 1", "0.5, 4", "0.874, 6", "0.875, 7", "0.99, 7"})
    void binsFractionsLinearly(float fraction, int bin) {
        assertThat(Tokenizer.VOLUME_DEC.bin(fraction)).isEqualTo(bin);
    }

    @Test
    void everyEdgeStartsTheNextBin() {
        for (Binning binning : List.of(Tokenizer.PRICE, Tokenizer.VOLUME_INT, Tokenizer.VOLUME_DEC,
                Tokenizer.INTERVAL)) {
            double[] edges = binning.edges();
            assertThat(edges).isSorted();
            for (int k = 0; k < edges.length; k++) {
                int n = binning.bins();
                assertThat(binning.bin(edges[k])).as("%s edge %d = %s", binning, k, edges[k])
                        .isEqualTo(Math.min(k + 1, n - 1));
                assertThat(binning.bin(Math.nextDown(edges[k]))).as("%s just below edge %d", binning, k)
                        .isEqualTo(Math.min(k, n - 1));
            }
        }
        assertThat(Tokenizer.PRICE.edges()).hasSize(100);
        assertThat(Tokenizer.VOLUME_INT.edges()).hasSize(63);
        assertThat(Tokenizer.VOLUME_DEC.edges()).containsExactly(0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875);
        assertThat(Tokenizer.INTERVAL.edges()).hasSize(63);
        assertThat(Tokenizer.INTERVAL.edges()[62]).isCloseTo(5e7, within(1e-6));
    }

    /*
     * Centres: price bin 50 -> 10^(log10(500)·0.5/50) = 500^0.01 = 1.064118; bin 99 -> 500^0.99 = 469.8728;
     * bin 0 -> -500^0.99; volume bin 0 -> 10^(0.5/64·2) = 1.036633; fraction bin 3 -> 3.5/8 = 0.4375;
     * interval bin 63 -> 10^(63.5/64·7.69897) = 10^7.63882 = 4.3533e7.
     */
    @Test
    void binCentresDecodeAsSpecified() {
        assertThat(Tokenizer.PRICE.centre(50)).isCloseTo(1.0641178, within(1e-6));
        assertThat(Tokenizer.PRICE.centre(99)).isCloseTo(469.8728, within(1e-4));
        assertThat(Tokenizer.PRICE.centre(0)).isCloseTo(-469.8728, within(1e-4));
        assertThat(Tokenizer.PRICE.centre(49)).isCloseTo(-1.0641178, within(1e-6));
        assertThat(Tokenizer.VOLUME_INT.centre(0)).isCloseTo(1.0366329, within(1e-6));
        assertThat(Tokenizer.VOLUME_DEC.centre(3)).isEqualTo(0.4375);
        assertThat(Tokenizer.INTERVAL.centre(63)).isCloseTo(Math.pow(10, 63.5 / 64 * Math.log10(5e7)),
                within(1e-3));
        assertThat(Tokenizer.INTERVAL.centre(63)).isCloseTo(4.3533e7, within(1e4));
        assertThatThrownBy(() -> Tokenizer.PRICE.centre(100)).hasMessage("bin must be 0 to 99, got 100");
    }

    @ParameterizedTest(name = "time_of_day_s {0} -> {1}")
    @CsvSource({"-1, 0", "0, 0", "4, 0", "5, 1", "86399, 17279", "86400, 17280", "100000, 17280"})
    void bucketsTimeOfDayByFiveSeconds(long seconds, int bucket) {
        assertThat(Tokenizer.timeBucket(seconds)).isEqualTo(bucket);
    }

    @ParameterizedTest(name = "mid_price_delta {0} -> {1}")
    @CsvSource({"-2001, 0", "-2000, 0", "-1999, 1", "0, 2000", "7, 2007", "2000, 4000", "99999, 4000"})
    void bucketsMidDrift(long delta, int bucket) {
        assertThat(Tokenizer.midDeltaBucket(delta)).isEqualTo(bucket);
    }

    private static TrainingRow row(OrderType type, long rel, int vol, float frac, long interval, int tod,
                                   long dmid, double firstAsk, double firstBid) {
        double[] asks = new double[10];
        double[] bids = new double[10];
        asks[0] = firstAsk;
        asks[9] = 0.5;
        bids[0] = firstBid;
        return new TrainingRow(1_000, type, rel, vol, frac, interval, 10_000, tod, dmid, asks, bids);
    }

    @Test
    void tokenizesAPage() {
        PageColumns page = PageColumns.of(List.of(
                row(OrderType.BID, -2, 2, 0.5f, 1_000, 3_600, 7, 3.5, 1.25),
                row(OrderType.EXEC_SELL, 440, 100, 0.124f, 0, 86_399, -2_500, 0, 2)));

        TokenizedPage tokens = Tokenizer.tokenize(page);

        assertThat(tokens.rows()).isEqualTo(2);
        assertThat(tokens.orderType()).containsExactly(0, 4);
        assertThat(tokens.price()).containsExactly(44, 98);
        assertThat(tokens.volInt()).containsExactly(9, 63);
        assertThat(tokens.volDec()).containsExactly(4, 0);
        assertThat(tokens.interval()).containsExactly(24, 0);
        assertThat(tokens.timeBucket()).containsExactly(720, 17_279);
        assertThat(tokens.midDeltaBucket()).containsExactly(2_007, 0);
        assertThat(tokens.lob()).hasSize(40);
        assertThat(tokens.lob()[0]).isEqualTo(3.5f);
        assertThat(tokens.lob()[9]).isEqualTo(0.5f);
        assertThat(tokens.lob()[10]).isEqualTo(1.25f);
        assertThat(tokens.lob()[20 + 10]).isEqualTo(2f);
    }

    @Test
    void refusesARowWithANaNFraction() {
        PageColumns page = PageColumns.of(List.of(row(OrderType.BID, 0, 1, Float.NaN, 0, 0, 0, 0, 0)));

        assertThatThrownBy(() -> Tokenizer.tokenize(page)).hasMessage("row 0: volume_dec is NaN");
    }
}
