package io.mvtrx.runtime.gentrx.data.page;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.runtime.parquet.Column;
import io.mvtrx.runtime.parquet.ColumnType;
import io.mvtrx.runtime.parquet.ParquetSchema;
import io.mvtrx.runtime.parquet.RowGroupBuffer;

/**
 * The 29 columns of a training page, in file order (reference gentrx.md §3.3): {@code timestamp}
 * (TIMESTAMP(NANOS)), {@code order_type} (INT(8)), {@code rel_price}, {@code volume_int} (INT32),
 * {@code volume_dec} (FLOAT), {@code interval_ns}, {@code mid_price}, {@code time_of_day_s} (INT32),
 * {@code mid_price_delta}, {@code lob_ask_vol_1..10} and {@code lob_bid_vol_1..10} (DOUBLE); the others INT64.
 */
public final class PageSchema {

    /** The schema every page is written with. */
    public static final ParquetSchema SCHEMA = schema();

    public static final int TIMESTAMP = 0;
    public static final int ORDER_TYPE = 1;
    public static final int REL_PRICE = 2;
    public static final int VOLUME_INT = 3;
    public static final int VOLUME_DEC = 4;
    public static final int INTERVAL_NS = 5;
    public static final int MID_PRICE = 6;
    public static final int TIME_OF_DAY_S = 7;
    public static final int MID_PRICE_DELTA = 8;
    /** First of the 10 ask volume columns; the 10 bid columns follow them. */
    public static final int LOB_ASK_1 = 9;
    public static final int LOB_BID_1 = LOB_ASK_1 + TrainingRow.LEVELS;
    /** Number of columns. */
    public static final int COLUMNS = LOB_BID_1 + TrainingRow.LEVELS;

    private PageSchema() {
    }

    private static ParquetSchema schema() {
        List<Column> columns = new ArrayList<>(List.of(
                Column.of("timestamp", ColumnType.TIMESTAMP_NANOS),
                Column.of("order_type", ColumnType.INT8),
                Column.of("rel_price", ColumnType.INT64),
                Column.of("volume_int", ColumnType.INT32),
                Column.of("volume_dec", ColumnType.FLOAT),
                Column.of("interval_ns", ColumnType.INT64),
                Column.of("mid_price", ColumnType.INT64),
                Column.of("time_of_day_s", ColumnType.INT32),
                Column.of("mid_price_delta", ColumnType.INT64)));
        for (int i = 1; i <= TrainingRow.LEVELS; i++) {
            columns.add(Column.of("lob_ask_vol_" + i, ColumnType.DOUBLE));
        }
        for (int i = 1; i <= TrainingRow.LEVELS; i++) {
            columns.add(Column.of("lob_bid_vol_" + i, ColumnType.DOUBLE));
        }
        return new ParquetSchema("gentrx_page", columns);
    }

    /** Appends a row to a buffer of {@link #SCHEMA}. */
    public static void append(RowGroupBuffer buffer, TrainingRow row) {
        buffer.putLong(TIMESTAMP, row.timestamp());
        buffer.putInt(ORDER_TYPE, row.orderType().code());
        buffer.putLong(REL_PRICE, row.relPrice());
        buffer.putInt(VOLUME_INT, row.volumeInt());
        buffer.putFloat(VOLUME_DEC, row.volumeDec());
        buffer.putLong(INTERVAL_NS, row.intervalNs());
        buffer.putLong(MID_PRICE, row.midPrice());
        buffer.putInt(TIME_OF_DAY_S, row.timeOfDaySeconds());
        buffer.putLong(MID_PRICE_DELTA, row.midPriceDelta());
        for (int i = 0; i < TrainingRow.LEVELS; i++) {
            buffer.putDouble(LOB_ASK_1 + i, row.askVolume(i));
        }
        for (int i = 0; i < TrainingRow.LEVELS; i++) {
            buffer.putDouble(LOB_BID_1 + i, row.bidVolume(i));
        }
        buffer.endRow();
    }
}
