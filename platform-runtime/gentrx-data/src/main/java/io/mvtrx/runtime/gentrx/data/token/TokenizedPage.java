package io.mvtrx.runtime.gentrx.data.token;

/**
 * The tokens and conditioning of N rows (one page). Field arrays have N entries; {@link #lob()} is N × 20
 * row-major ({@code [ask_1..ask_10, bid_1..bid_10]} per row, raw base-unit volumes).
 *
 * @param orderType      order type token, 0..4
 * @param price          price bin, 0..99
 * @param volInt         whole-volume bin, 0..63
 * @param volDec         fractional-volume bin, 0..7
 * @param interval       inter-event time bin, 0..63
 * @param lob            book volumes, N × {@value #LOB_WIDTH}
 * @param timeBucket     time-of-day bucket, 0..17280
 * @param midDeltaBucket mid drift bucket, 0..4000
 */
public record TokenizedPage(int[] orderType, int[] price, int[] volInt, int[] volDec, int[] interval, float[] lob,
                            int[] timeBucket, int[] midDeltaBucket) {

    /** Conditioning volumes per row. */
    public static final int LOB_WIDTH = 20;

    public TokenizedPage {
        int n = orderType.length;
        if (price.length != n || volInt.length != n || volDec.length != n || interval.length != n
                || timeBucket.length != n || midDeltaBucket.length != n || lob.length != n * LOB_WIDTH) {
            throw new IllegalArgumentException("a tokenized page needs every array at " + n + " rows (lob "
                    + n * LOB_WIDTH + " values)");
        }
    }

    /** Rows. */
    public int rows() {
        return orderType.length;
    }
}
