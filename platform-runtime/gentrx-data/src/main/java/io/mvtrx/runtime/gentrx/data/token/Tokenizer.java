package io.mvtrx.runtime.gentrx.data.token;

import io.mvtrx.runtime.gentrx.data.page.PageColumns;

/**
 * Turns page rows into the model's five predicted fields plus conditioning (reference gentrx.md §4.1; no composite
 * vocabulary, one token per field):
 *
 * <table>
 * <caption>Fields</caption>
 * <tr><th>field</th><th>bins</th><th>column</th><th>rule</th></tr>
 * <tr><td>order type</td><td>5</td><td>{@code order_type}</td><td>identity</td></tr>
 * <tr><td>price</td><td>100</td><td>{@code rel_price}</td><td>symmetric log, ±500 ticks</td></tr>
 * <tr><td>volume (whole)</td><td>64</td><td>{@code volume_int}</td><td>log, [1, 100]</td></tr>
 * <tr><td>volume (fraction)</td><td>8</td><td>{@code volume_dec}</td><td>linear, [0, 1]</td></tr>
 * <tr><td>interval</td><td>64</td><td>{@code interval_ns}</td><td>log, [1, 5·10^7] ns</td></tr>
 * </table>
 *
 * Conditioning: the 20 book volumes as they are; time of day {@code clip(time_of_day_s / 5, 0, 17280)}; mid drift
 * {@code clip(mid_price_delta, -2000, 2000) + 2000}. Stateless; safe from any thread.
 */
public final class Tokenizer {

    /** Order types. */
    public static final int ORDER_TYPES = 5;
    /** Price bins: symmetric log over ±{@value #PRICE_RANGE} ticks. */
    public static final Binning PRICE = Binning.symmetricLog(100, 500);
    /** Ticks covered by the price bins on each side. */
    public static final int PRICE_RANGE = 500;
    /** Whole-volume bins: log over [1, 100]. */
    public static final Binning VOLUME_INT = Binning.log(64, 1, 100);
    /** Fractional-volume bins: linear over [0, 1]. */
    public static final Binning VOLUME_DEC = Binning.linear(8, 0, 1);
    /** Interval bins: log over [1, 5·10^7] ns. */
    public static final Binning INTERVAL = Binning.log(64, 1, 5e7);
    /** Seconds per time-of-day bucket. */
    public static final int TIME_BUCKET_SECONDS = 5;
    /** Highest time-of-day bucket (86400 / 5; 17281 buckets). */
    public static final int MAX_TIME_BUCKET = 86_400 / TIME_BUCKET_SECONDS;
    /** Largest mid drift told apart, ticks; 4001 buckets. */
    public static final int MID_DELTA_RANGE = 2000;

    private Tokenizer() {
    }

    /** The time-of-day bucket of {@code time_of_day_s}. */
    public static int timeBucket(long timeOfDaySeconds) {
        return (int) Math.clamp(Math.floorDiv(timeOfDaySeconds, TIME_BUCKET_SECONDS), 0, MAX_TIME_BUCKET);
    }

    /** The mid drift bucket of {@code mid_price_delta}. */
    public static int midDeltaBucket(long midPriceDelta) {
        return (int) Math.clamp(midPriceDelta, -MID_DELTA_RANGE, MID_DELTA_RANGE) + MID_DELTA_RANGE;
    }

    /**
     * Tokenizes every row of a page.
     *
     * @throws IllegalArgumentException naming the row for an order type outside 0..4 or a NaN volume fraction
     */
    public static TokenizedPage tokenize(PageColumns page) {
        int n = page.rows();
        int[] orderType = new int[n];
        int[] price = new int[n];
        int[] volInt = new int[n];
        int[] volDec = new int[n];
        int[] interval = new int[n];
        float[] lob = new float[n * TokenizedPage.LOB_WIDTH];
        int[] time = new int[n];
        int[] mid = new int[n];
        for (int r = 0; r < n; r++) {
            int type = page.orderType()[r];
            if (type < 0 || type >= ORDER_TYPES) {
                throw new IllegalArgumentException(String.format("row %d: order_type must be 0 to 4, got %d", r,
                        type));
            }
            float fraction = page.volumeDec()[r];
            if (Float.isNaN(fraction)) {
                throw new IllegalArgumentException(String.format("row %d: volume_dec is NaN", r));
            }
            orderType[r] = type;
            price[r] = PRICE.bin(page.relPrice()[r]);
            volInt[r] = VOLUME_INT.bin(page.volumeInt()[r]);
            volDec[r] = VOLUME_DEC.bin(fraction);
            interval[r] = INTERVAL.bin(page.intervalNs()[r]);
            time[r] = timeBucket(page.timeOfDaySeconds()[r]);
            mid[r] = midDeltaBucket(page.midPriceDelta()[r]);
            for (int k = 0; k < TokenizedPage.LOB_WIDTH; k++) {
                lob[r * TokenizedPage.LOB_WIDTH + k] = (float) page.lob()[r * TokenizedPage.LOB_WIDTH + k];
            }
        }
        return new TokenizedPage(orderType, price, volInt, volDec, interval, lob, time, mid);
    }
}
