package io.mvtrx.runtime.validator.node;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Each miner's traded QUOTE volume per book over a rolling assessment period (protocol.md §4.2 step 5, §6): trades
 * are summed into buckets of {@code samplingInterval} ns (bucket time {@code floor(ts / interval) * interval}) and
 * buckets older than {@code now - assessmentPeriod} are dropped. All roles count (maker, taker).
 *
 * <p>Validator statistics in doubles, not exchange accounting. Not thread-safe: the validator loop owns it.
 */
final class VolumeLedger {

    private final long samplingInterval;
    private final long assessmentPeriod;
    // by uid, then by book: a map keyed by uid << 32 | book hashed every key of 256 uids x 128 books into 256 buckets
    // (Long.hashCode folds the halves: uid ^ book), which made each lookup of a screened instruction a tree search
    private final Map<Integer, Map<Integer, Book>> books = new HashMap<>();

    /** One bucket: its start time and the volume traded in it. */
    private static final class Bucket {
        long time;
        double volume;

        Bucket(long time, double volume) {
            this.time = time;
            this.volume = volume;
        }
    }

    /** One uid's volume on one book: buckets oldest first and their running sum. */
    private static final class Book {
        final ArrayDeque<Bucket> buckets = new ArrayDeque<>();
        double sum;

        void add(long time, double volume) {
            Bucket last = buckets.peekLast();
            if (last != null && last.time == time) {
                last.volume += volume;
            } else {
                buckets.addLast(new Bucket(time, volume));
            }
            sum += volume;
        }

        void pruneBefore(long oldest) {
            while (!buckets.isEmpty() && buckets.peekFirst().time < oldest) {
                sum -= buckets.pollFirst().volume;
            }
            if (buckets.isEmpty()) {
                sum = 0;
            }
        }
    }

    VolumeLedger(long samplingInterval, long assessmentPeriod) {
        if (samplingInterval <= 0 || assessmentPeriod <= 0) {
            throw new IllegalArgumentException(String.format(
                    "volume sampling interval and assessment period must be > 0 ns, got %d and %d",
                    samplingInterval, assessmentPeriod));
        }
        this.samplingInterval = samplingInterval;
        this.assessmentPeriod = assessmentPeriod;
    }

    /** Adds a trade's QUOTE value at {@code timestamp}. */
    void record(int uid, int book, long timestamp, double quoteVolume) {
        if (!(quoteVolume > 0)) {
            return;
        }
        books.computeIfAbsent(uid, u -> new HashMap<>()).computeIfAbsent(book, b -> new Book())
                .add(Math.floorDiv(timestamp, samplingInterval) * samplingInterval, quoteVolume);
    }

    /** Drops buckets older than the assessment period before {@code now}. */
    void advance(long now) {
        long oldest = now - assessmentPeriod;
        Iterator<Map<Integer, Book>> uids = books.values().iterator();
        while (uids.hasNext()) {
            Map<Integer, Book> ofUid = uids.next();
            Iterator<Book> it = ofUid.values().iterator();
            while (it.hasNext()) {
                Book book = it.next();
                book.pruneBefore(oldest);
                if (book.buckets.isEmpty()) {
                    it.remove();
                }
            }
            if (ofUid.isEmpty()) {
                uids.remove();
            }
        }
    }

    /** The uid's QUOTE volume on the book over the assessment period, as of the last {@link #advance}. */
    double volume(int uid, int book) {
        Map<Integer, Book> ofUid = books.get(uid);
        Book b = ofUid == null ? null : ofUid.get(book);
        return b == null ? 0 : Math.max(b.sum, 0);
    }

    /** Forgets a uid (its account was reset). */
    void reset(int uid) {
        books.remove(uid);
    }

    /** Moves every bucket by {@code delta} ns (a new simulation restarts the clock; windows carry over). */
    void shift(long delta) {
        for (Map<Integer, Book> ofUid : books.values()) {
            for (Book book : ofUid.values()) {
                for (Bucket bucket : book.buckets) {
                    bucket.time += delta;
                }
            }
        }
    }

    void write(DataOutput out) throws IOException {
        int count = 0;
        for (Map<Integer, Book> ofUid : books.values()) {
            count += ofUid.size();
        }
        out.writeInt(count);
        for (Map.Entry<Integer, Map<Integer, Book>> u : books.entrySet()) {
            for (Map.Entry<Integer, Book> e : u.getValue().entrySet()) {
                out.writeLong(key(u.getKey(), e.getKey()));
                Book book = e.getValue();
                out.writeInt(book.buckets.size());
                for (Bucket bucket : book.buckets) {
                    out.writeLong(bucket.time);
                    out.writeDouble(bucket.volume);
                }
            }
        }
    }

    void read(DataInput in) throws IOException {
        books.clear();
        int count = Checkpoints.count(in.readInt(), "volume books");
        for (int i = 0; i < count; i++) {
            long key = in.readLong();
            Book book = new Book();
            int buckets = Checkpoints.count(in.readInt(), "volume buckets");
            for (int j = 0; j < buckets; j++) {
                book.add(in.readLong(), in.readDouble());
            }
            books.computeIfAbsent((int) (key >>> 32), u -> new HashMap<>()).put((int) key, book);
        }
    }

    private static long key(int uid, int book) {
        return ((long) uid << 32) | (book & 0xFFFF_FFFFL);
    }
}
