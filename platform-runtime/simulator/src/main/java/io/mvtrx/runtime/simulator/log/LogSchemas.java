package io.mvtrx.runtime.simulator.log;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.runtime.parquet.Column;
import io.mvtrx.runtime.parquet.ColumnType;
import io.mvtrx.runtime.parquet.ParquetSchema;

/**
 * The Parquet simulation logs' schemas (doc/simulator.md, "Parquet logs"). Every column is required; a field that
 * does not apply to a row is 0, or -1 for a code. Times are simulation ns (the event log's clock); prices, volumes,
 * leverages and fees are the scaled longs of the decimals in each file's key-value metadata
 * ({@code mvtrx.decimals.price}, {@code .volume}, {@code .quote}). Codes: event 1 placed, 2 trade, 3 cancelled (as
 * in {@code events.l3}); side 0 buy, 1 sell; order type 0 limit, 1 market; STP 0 none, 1 CO, 2 CN, 3 CB, 4 DC;
 * cancel reason 0 requested, 1 expired, 2 self-trade, 3 unfilled, 4 reset; fee role 0 taker, 1 maker.
 */
public final class LogSchemas {

    /**
     * Every L3 event of a book, in processing order. {@code seq} numbers a book's events from 0 over the whole run.
     * A placement fills order_id, agent_id, side, price, volume (resting, not leveraged), client_order_id,
     * order_type, stp, leverage; a trade fills order_id / agent_id / side (the taker's), price, volume, trade_id,
     * maker_order_id, maker_agent_id, taker_fee, maker_fee; a cancellation fills order_id, agent_id, price, volume
     * (removed), remaining, reason.
     */
    public static final ParquetSchema L3 = ParquetSchema.of("l3",
            Column.of("time", ColumnType.INT64),
            Column.of("seq", ColumnType.INT64),
            Column.of("event", ColumnType.INT8),
            Column.of("order_id", ColumnType.INT64),
            Column.of("agent_id", ColumnType.INT32),
            Column.of("side", ColumnType.INT8),
            Column.of("price", ColumnType.INT64),
            Column.of("volume", ColumnType.INT64),
            Column.of("client_order_id", ColumnType.INT64),
            Column.of("order_type", ColumnType.INT8),
            Column.of("stp", ColumnType.INT8),
            Column.of("leverage", ColumnType.INT64),
            Column.of("trade_id", ColumnType.INT64),
            Column.of("maker_order_id", ColumnType.INT64),
            Column.of("maker_agent_id", ColumnType.INT32),
            Column.of("taker_fee", ColumnType.INT64),
            Column.of("maker_fee", ColumnType.INT64),
            Column.of("remaining", ColumnType.INT64),
            Column.of("reason", ColumnType.INT8));

    /** Every trade of a book; {@code seq} is the trade's row in the L3 log. Fees at the quote decimals. */
    public static final ParquetSchema TRADES = ParquetSchema.of("trades",
            Column.of("time", ColumnType.INT64),
            Column.of("seq", ColumnType.INT64),
            Column.of("trade_id", ColumnType.INT64),
            Column.of("taker_side", ColumnType.INT8),
            Column.of("taker_order_id", ColumnType.INT64),
            Column.of("maker_order_id", ColumnType.INT64),
            Column.of("taker_agent_id", ColumnType.INT32),
            Column.of("maker_agent_id", ColumnType.INT32),
            Column.of("price", ColumnType.INT64),
            Column.of("volume", ColumnType.INT64),
            Column.of("taker_fee", ColumnType.INT64),
            Column.of("maker_fee", ColumnType.INT64));

    /** Two rows per trade, the taker's then the maker's: what each paid (negative: a rebate), at the quote decimals. */
    public static final ParquetSchema FEES = ParquetSchema.of("fees",
            Column.of("time", ColumnType.INT64),
            Column.of("trade_id", ColumnType.INT64),
            Column.of("agent_id", ColumnType.INT32),
            Column.of("role", ColumnType.INT8),
            Column.of("order_id", ColumnType.INT64),
            Column.of("fee", ColumnType.INT64),
            Column.of("price", ColumnType.INT64),
            Column.of("volume", ColumnType.INT64));

    private LogSchemas() {
    }

    /**
     * The L2 snapshot schema for {@code depth} levels a side: {@code time}, then for level i = 1..depth (1 = best)
     * {@code ask_price_i, ask_volume_i, bid_price_i, bid_volume_i} (the LOBSTER order); a level the book does not
     * have is price 0, volume 0. Volumes are the levels' resting (leveraged) quantities.
     */
    public static ParquetSchema l2(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("L2 depth must be >= 1, got " + depth);
        }
        List<Column> columns = new ArrayList<>(1 + 4 * depth);
        columns.add(Column.of("time", ColumnType.INT64));
        for (int level = 1; level <= depth; level++) {
            columns.add(Column.of("ask_price_" + level, ColumnType.INT64));
            columns.add(Column.of("ask_volume_" + level, ColumnType.INT64));
            columns.add(Column.of("bid_price_" + level, ColumnType.INT64));
            columns.add(Column.of("bid_volume_" + level, ColumnType.INT64));
        }
        return new ParquetSchema("l2", columns);
    }
}
