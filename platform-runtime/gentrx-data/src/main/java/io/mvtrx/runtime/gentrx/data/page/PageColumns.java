package io.mvtrx.runtime.gentrx.data.page;

import java.util.List;

import io.mvtrx.runtime.parquet.ParquetTable;

/**
 * A page's rows as columns, the form the tokenizer reads. {@link #lob()} is rows × 20, row-major,
 * {@code [ask_1..ask_10, bid_1..bid_10]}.
 */
public record PageColumns(long[] timestamp, int[] orderType, long[] relPrice, int[] volumeInt, float[] volumeDec,
                          long[] intervalNs, long[] midPrice, int[] timeOfDaySeconds, long[] midPriceDelta,
                          double[] lob) {

    /** Book volumes per row. */
    public static final int LOB_WIDTH = 2 * TrainingRow.LEVELS;

    public PageColumns {
        int n = timestamp.length;
        if (orderType.length != n || relPrice.length != n || volumeInt.length != n || volumeDec.length != n
                || intervalNs.length != n || midPrice.length != n || timeOfDaySeconds.length != n
                || midPriceDelta.length != n || lob.length != n * LOB_WIDTH) {
            throw new IllegalArgumentException("page columns must all hold " + n + " rows");
        }
    }

    /** Rows. */
    public int rows() {
        return timestamp.length;
    }

    /** Row {@code r} as a record. */
    public TrainingRow row(int r) {
        double[] asks = new double[TrainingRow.LEVELS];
        double[] bids = new double[TrainingRow.LEVELS];
        System.arraycopy(lob, r * LOB_WIDTH, asks, 0, TrainingRow.LEVELS);
        System.arraycopy(lob, r * LOB_WIDTH + TrainingRow.LEVELS, bids, 0, TrainingRow.LEVELS);
        return new TrainingRow(timestamp[r], OrderType.ofCode(orderType[r]), relPrice[r], volumeInt[r], volumeDec[r],
                intervalNs[r], midPrice[r], timeOfDaySeconds[r], midPriceDelta[r], asks, bids);
    }

    /** Rows as columns, in the given order. */
    public static PageColumns of(List<TrainingRow> rows) {
        int n = rows.size();
        PageColumns c = new PageColumns(new long[n], new int[n], new long[n], new int[n], new float[n], new long[n],
                new long[n], new int[n], new long[n], new double[n * LOB_WIDTH]);
        for (int r = 0; r < n; r++) {
            TrainingRow row = rows.get(r);
            c.timestamp[r] = row.timestamp();
            c.orderType[r] = row.orderType().code();
            c.relPrice[r] = row.relPrice();
            c.volumeInt[r] = row.volumeInt();
            c.volumeDec[r] = row.volumeDec();
            c.intervalNs[r] = row.intervalNs();
            c.midPrice[r] = row.midPrice();
            c.timeOfDaySeconds[r] = row.timeOfDaySeconds();
            c.midPriceDelta[r] = row.midPriceDelta();
            for (int i = 0; i < TrainingRow.LEVELS; i++) {
                c.lob[r * LOB_WIDTH + i] = row.askVolume(i);
                c.lob[r * LOB_WIDTH + TrainingRow.LEVELS + i] = row.bidVolume(i);
            }
        }
        return c;
    }

    /**
     * The page columns of a Parquet table by column name (extra columns are ignored, as the reference's readers
     * do).
     *
     * @throws IllegalArgumentException naming a missing column or one of another type
     */
    public static PageColumns of(ParquetTable table) {
        int n = table.rows();
        double[] lob = new double[n * LOB_WIDTH];
        for (int i = 0; i < TrainingRow.LEVELS; i++) {
            double[] ask = table.doubles("lob_ask_vol_" + (i + 1));
            double[] bid = table.doubles("lob_bid_vol_" + (i + 1));
            for (int r = 0; r < n; r++) {
                lob[r * LOB_WIDTH + i] = ask[r];
                lob[r * LOB_WIDTH + TrainingRow.LEVELS + i] = bid[r];
            }
        }
        return new PageColumns(table.longs("timestamp"), table.ints("order_type"), table.longs("rel_price"),
                table.ints("volume_int"), table.floats("volume_dec"), table.longs("interval_ns"),
                table.longs("mid_price"), table.ints("time_of_day_s"), table.longs("mid_price_delta"), lob);
    }
}
