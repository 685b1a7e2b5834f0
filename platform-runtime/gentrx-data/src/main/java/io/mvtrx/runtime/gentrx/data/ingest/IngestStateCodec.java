package io.mvtrx.runtime.gentrx.data.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mvtrx.runtime.gentrx.data.page.OrderType;
import io.mvtrx.runtime.gentrx.data.page.TrainingRow;

/**
 * A versioned binary form of {@link IngestState}, our own format for the restart staging file (the reference writes
 * msgpack; nothing outside this process reads the file). Layout, big-endian: magic {@code GTXS}, version 1, sim id
 * (flag byte, UTF), scales (flag byte, price and volume decimals as bytes), last tick ts, max ts, book count, then per
 * book: id, first mid, last ts, row count and the rows (timestamp, order type byte, rel price, volume int, volume
 * fraction float, interval, mid, time of day int, mid delta, 20 doubles). Decoding checks every count against the
 * bytes left and every value's range, and throws {@link IllegalArgumentException} naming the field. Stateless.
 */
public final class IngestStateCodec {

    private static final int MAGIC = 0x47545853;
    private static final int VERSION = 1;
    /** Bytes of one encoded row, used to bound row counts before allocating. */
    private static final int ROW_BYTES = 8 + 1 + 8 + 4 + 4 + 8 + 8 + 4 + 8 + 20 * 8;

    private IngestStateCodec() {
    }

    /** The bytes of a state. */
    public static byte[] encode(IngestState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            out.writeBoolean(state.simId().isPresent());
            if (state.simId().isPresent()) {
                out.writeUTF(state.simId().get());
            }
            out.writeBoolean(state.scales().isPresent());
            if (state.scales().isPresent()) {
                out.writeByte(state.scales().get().priceDecimals());
                out.writeByte(state.scales().get().volumeDecimals());
            }
            out.writeLong(state.lastTickTs());
            out.writeLong(state.maxTs());
            out.writeInt(state.books().size());
            for (IngestState.Book book : state.books()) {
                out.writeInt(book.bookId());
                out.writeLong(book.firstMid());
                out.writeLong(book.lastTs());
                out.writeInt(book.pending().size());
                for (TrainingRow row : book.pending()) {
                    out.writeLong(row.timestamp());
                    out.writeByte(row.orderType().code());
                    out.writeLong(row.relPrice());
                    out.writeInt(row.volumeInt());
                    out.writeFloat(row.volumeDec());
                    out.writeLong(row.intervalNs());
                    out.writeLong(row.midPrice());
                    out.writeInt(row.timeOfDaySeconds());
                    out.writeLong(row.midPriceDelta());
                    for (int i = 0; i < TrainingRow.LEVELS; i++) {
                        out.writeDouble(row.askVolume(i));
                    }
                    for (int i = 0; i < TrainingRow.LEVELS; i++) {
                        out.writeDouble(row.bidVolume(i));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A state from its bytes.
     *
     * @param name what to call the bytes in messages (the staging file's path)
     * @throws IllegalArgumentException naming the file and the field when the bytes are not a state
     */
    public static IngestState decode(byte[] data, String name) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            require(in.readInt() == MAGIC, name, "magic", "not an ingest state (no GTXS magic)");
            int version = in.readUnsignedByte();
            require(version == VERSION, name, "version", "version " + version + ", expected " + VERSION);
            Optional<String> sim = in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
            Optional<Scales> scales = Optional.empty();
            if (in.readBoolean()) {
                int pd = in.readUnsignedByte();
                int vd = in.readUnsignedByte();
                require(pd <= 18 && vd <= 18, name, "scales", "decimals above 18");
                scales = Optional.of(new Scales(pd, vd));
            }
            long lastTick = in.readLong();
            long maxTs = in.readLong();
            int books = in.readInt();
            require(books >= 0 && books <= in.available() / 24, name, "books", "count " + books
                    + " does not fit the file");
            List<IngestState.Book> decoded = new ArrayList<>(books);
            for (int b = 0; b < books; b++) {
                int id = in.readInt();
                long firstMid = in.readLong();
                long lastTs = in.readLong();
                int rows = in.readInt();
                String where = "books[" + b + "]";
                require(id >= 0, name, where + ".id", "negative book id " + id);
                require(rows >= 0 && (long) rows * ROW_BYTES <= in.available(), name, where + ".rows",
                        "count " + rows + " does not fit the file");
                List<TrainingRow> pending = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    pending.add(row(in, name, where + ".rows[" + r + "]"));
                }
                decoded.add(new IngestState.Book(id, firstMid, lastTs, pending));
            }
            require(in.available() == 0, name, "end", in.available() + " trailing bytes");
            return new IngestState(sim, scales, lastTick, maxTs, decoded);
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + ": ingest state is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrainingRow row(DataInputStream in, String name, String where) throws IOException {
        long ts = in.readLong();
        int type = in.readUnsignedByte();
        require(type < 5, name, where + ".order_type", "must be 0 to 4, got " + type);
        long rel = in.readLong();
        int volInt = in.readInt();
        float volDec = in.readFloat();
        long interval = in.readLong();
        long mid = in.readLong();
        int tod = in.readInt();
        long dmid = in.readLong();
        double[] asks = new double[TrainingRow.LEVELS];
        double[] bids = new double[TrainingRow.LEVELS];
        for (int i = 0; i < TrainingRow.LEVELS; i++) {
            asks[i] = in.readDouble();
        }
        for (int i = 0; i < TrainingRow.LEVELS; i++) {
            bids[i] = in.readDouble();
        }
        return new TrainingRow(ts, OrderType.ofCode(type), rel, volInt, volDec, interval, mid, tod, dmid, asks, bids);
    }

    private static void require(boolean ok, String name, String field, String what) {
        if (!ok) {
            throw new IllegalArgumentException(String.format("%s: %s: %s", name, field, what));
        }
    }
}
