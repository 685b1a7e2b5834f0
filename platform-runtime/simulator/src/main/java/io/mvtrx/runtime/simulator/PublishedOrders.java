package io.mvtrx.runtime.simulator;

import java.util.Arrays;
import java.util.List;

import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.order.OrderList;

/**
 * Every remote account's open orders as the last publication gave them, and each book's revision mark then, so that
 * the next publication can record on each account's orders what changed since ({@link OrderList#withChangesFrom}):
 * the validator then writes each miner's changes without comparing its orders with those it sent the publish before
 * (a maker's quotes on 128 books, hundreds of thousands of orders a publish, read twice for a few changes each).
 *
 * <p>What changed is known without that comparison: an order whose revision is at most the book's mark of the last
 * publication was in that publication's list unchanged (the exchange gives a new revision, later than every mark
 * before it, at every change), so the others are the new or changed ones; and the orders gone or changed since are
 * among those the account's notices name (fills, cancels, expiries, closes), found in the last list by a binary
 * search each. When the positions found are fewer than the orders that left (an order gone without a notice, an
 * account reset), nothing is recorded and the validator compares the lists as before.
 *
 * <p>Each block records its own books' accounts on its thread (disjoint slots); the marks are written between
 * publications.
 */
final class PublishedOrders {

    private static final int[] NONE = new int[0];
    private static final long[] EMPTY = new long[0];

    private final int bookCount;
    private final OrderList[] lists;
    private final long[] marks;

    PublishedOrders(int remoteCount, int bookCount) {
        this.bookCount = bookCount;
        this.lists = new OrderList[remoteCount * bookCount];
        this.marks = new long[bookCount];
    }

    /**
     * {@code current}, agent {@code agent}'s orders on canonical book {@code book}, with its changes since the last
     * publication recorded when they can be known; remembered for the next. {@code named}: the order ids the agent's
     * notices since the last publication name on that book ({@link #namedByBook}); {@code addedRows}: the block the
     * added orders are copied to, this thread's.
     */
    OrderList record(int agent, int book, OrderList current, long[] named, OrderList.Columns addedRows) {
        int at = agent * bookCount + book;
        OrderList previous = lists[at];
        lists[at] = current;
        if (previous == null) {
            return current;
        }
        long mark = marks[book];
        int m = current.size();
        int kept = 0;
        for (int i = 0; i < m; i++) {
            kept += unchangedSince(current.revision(i), mark) ? 1 : 0;
        }
        int leaving = previous.size() - kept;
        if (leaving < 0) {
            return current; // not what the marks promise: leave it to the comparison
        }
        int[] removed = leaving == 0 ? NONE : removed(previous, current, mark, named, leaving);
        if (removed == null) {
            return current;
        }
        int[] added = m == kept ? NONE : new int[m - kept];
        for (int i = 0, k = 0; k < added.length; i++) {
            if (!unchangedSince(current.revision(i), mark)) {
                added[k++] = i;
            }
        }
        // the added orders copied while their rows are still in the cache, for the validator to read them together
        int first = addedRows.rows();
        for (int i : added) {
            addedRows.add(current, i);
        }
        OrderList recorded = current.withChangesFrom(previous, removed, added,
                addedRows.slice(first, addedRows.rows()));
        lists[at] = recorded;
        return recorded;
    }

    /** Remembers the books' revision marks as this publication read their orders (canonical order), for the next. */
    void marked(long[] bookMarks) {
        System.arraycopy(bookMarks, 0, marks, 0, bookCount);
    }

    /**
     * The order ids {@code notices} name on each of the {@code books} canonical books from {@code firstBook} (fills on
     * either side, cancels and expiries, closes), ascending, each once: where the orders an account lost since the
     * last publication are to be found. A block reads its own books' notices.
     */
    long[][] namedByBook(List<Notice> notices, int firstBook, int books) {
        long[][] named = new long[books][];
        int[] counts = new int[books];
        for (Notice notice : notices) {
            switch (notice) {
                case TradeNotice t -> add(named, counts, t.trade().bookId() - firstBook,
                        t.asMaker() ? t.trade().makerOrderId() : t.trade().takerOrderId());
                case CancelReport c -> add(named, counts, c.bookId() - firstBook, c.orderId());
                case PositionCloseReport p -> add(named, counts, p.bookId() - firstBook, p.orderId());
                default -> { }
            }
        }
        for (int b = 0; b < books; b++) {
            if (named[b] == null) {
                named[b] = EMPTY;
            } else {
                long[] ids = named[b];
                Arrays.sort(ids, 0, counts[b]);
                int unique = 0;
                for (int k = 0; k < counts[b]; k++) {
                    if (unique == 0 || ids[k] != ids[unique - 1]) {
                        ids[unique++] = ids[k];
                    }
                }
                named[b] = Arrays.copyOf(ids, unique);
            }
        }
        return named;
    }

    private static void add(long[][] named, int[] counts, int book, long orderId) {
        if (book < 0 || book >= named.length) {
            return; // a notice about a book that does not exist (a refused instruction's) names no resting order
        }
        long[] ids = named[book];
        if (ids == null) {
            ids = new long[4];
        } else if (counts[book] == ids.length) {
            ids = Arrays.copyOf(ids, 2 * ids.length);
        }
        ids[counts[book]++] = orderId;
        named[book] = ids;
    }

    private static boolean unchangedSince(long revision, long mark) {
        return revision != 0 && revision <= mark;
    }

    /**
     * The positions in {@code previous} of the {@code leaving} orders gone or changed since, found through the orders
     * {@code named} (ascending, each once); null when they do not name them all.
     */
    private static int[] removed(OrderList previous, OrderList current, long mark, long[] named, int leaving) {
        int[] positions = new int[leaving];
        int found = 0;
        for (long id : named) {
            int p = search(previous, id);
            if (p < 0) {
                continue;
            }
            int q = search(current, id);
            if (q >= 0 && unchangedSince(current.revision(q), mark)) {
                continue;
            }
            if (found == leaving) {
                return null; // more than left: not what the marks promise
            }
            positions[found++] = p;
        }
        return found == leaving ? positions : null;
    }

    /** The position of order {@code id} in {@code orders} (ascending by id), or a negative value. */
    private static int search(OrderList orders, long id) {
        int low = 0;
        int high = orders.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long at = orders.orderId(mid);
            if (at < id) {
                low = mid + 1;
            } else if (at > id) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
