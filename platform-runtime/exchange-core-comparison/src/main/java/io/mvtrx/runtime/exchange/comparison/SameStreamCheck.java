package io.mvtrx.runtime.exchange.comparison;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.plugin.matching.OrderBookVenue;
import io.mvtrx.plugin.matching.pricetime.PriceTimeBook;
import io.mvtrx.runtime.exchange.ExchangeVenue;
import io.mvtrx.runtime.exchange.OrderMixStream;

/**
 * Checks that ours and exchange-core see the same stream: plays {@value #OPERATIONS} operations of
 * {@link OrderMixStream} (default seed) on a fresh venue of each, in lockstep, and compares what they did — the
 * trades, the orders resting at the end, and the first operation at which the streams' calls differ. First with
 * our side's self-trade prevention off (exchange-core has none): then both must make exactly the same calls
 * throughout and the same number of trades, which shows the harness feeds both the same stream and maps the
 * operations faithfully. Then with STP CO, as measured: the first self-trade that exchange-core lets happen and ours
 * prevents makes the closed-loop streams drift apart, by as much as the outcomes do; the trade counts must stay
 * within {@value #TOLERANCE_PERCENT} %.
 *
 * <p>{@link #runIsolated} runs the check in a class loader of its own so that the venues it drives leave no type
 * profiles in the measured JVM's copy of {@code OrderMixStream}: the benchmark's call sites then see one venue
 * type, as they do in our own benchmarks' forks.
 */
public final class SameStreamCheck {

    /** Operations played on each side. */
    public static final int OPERATIONS = 500_000;
    /** The largest accepted difference of the trade counts, in percent of ours. */
    public static final int TOLERANCE_PERCENT = 2;

    /** What is compared. */
    public enum Subject {
        /** Our PriceTime book alone against exchange-core's OrderBookDirectImpl alone. */
        BOOK,
        /** Our exchange (tiered fees) against exchange-core's risk + matching + settlement. */
        FULL
    }

    private SameStreamCheck() {
    }

    /**
     * Runs {@link #compare} in a fresh class loader over this JVM's class path, prints its report line to standard
     * output and throws if it failed.
     */
    public static void runIsolated(Subject subject) {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            try {
                urls.add(new File(entry).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(String.format("class path entry '%s': %s", entry, e), e);
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            // ExchangeVenue finds its plugins with ServiceLoader, which uses the context class loader
            thread.setContextClassLoader(loader);
            Object report = Class.forName(SameStreamCheck.class.getName(), true, loader)
                    .getMethod("compare", String.class).invoke(null, subject.name());
            System.out.println(report);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException(String.format("same-stream check (%s) failed: %s", subject,
                    cause.getMessage()), cause);
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException(String.format("same-stream check (%s) could not run: %s", subject, e),
                    e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Plays the stream on both sides of {@code subject} (a {@link Subject} name), twice — ours with STP NONE (which
     * is what exchange-core does), then ours as measured, with STP CO — and returns a two-line report.
     *
     * @throws IllegalStateException if, with STP NONE, the calls or the trade counts differ at all (the harness
     *                               would not be feeding both the same stream), or if, with STP CO, the trade
     *                               counts differ by more than the tolerance
     */
    public static String compare(String subject) {
        Subject which = Subject.valueOf(subject);
        Outcome same = play(which, StpMode.NONE);
        if (same.firstDifference >= 0 || same.oursTrades != same.theirsTrades) {
            throw new IllegalStateException("with STP NONE on our side the streams should be identical: "
                    + same.describe());
        }
        Outcome measured = play(which, StpMode.CO);
        String report = "same-stream check, ours with STP NONE: " + same.describe() + System.lineSeparator()
                + "same-stream check, ours with STP CO (as measured): " + measured.describe();
        if (measured.percent() > TOLERANCE_PERCENT) {
            throw new IllegalStateException(report);
        }
        return report;
    }

    private static Outcome play(Subject subject, StpMode stp) {
        OrderMixStream oursStream = new OrderMixStream();
        OrderMixStream theirsStream = new OrderMixStream();
        OrderMixStream.Venue ours;
        LongSupplier oursTrades;
        String oursName;
        ExchangeCoreVenue theirs;
        String theirsName;
        switch (subject) {
            case BOOK -> {
                OrderBookVenue book = new OrderBookVenue(new PriceTimeBook(
                        new BookSpec(0, BookDecimals.REFERENCE, 4 * OrderMixStream.TARGET_ORDERS)), oursStream, stp);
                ours = book;
                oursTrades = book::trades;
                oursName = "ours (PriceTime book alone)";
                theirs = new ExchangeCoreBookVenue(theirsStream);
                theirsName = "exchange-core (OrderBookDirectImpl alone)";
            }
            case FULL -> {
                ExchangeVenue exchange = new ExchangeVenue("tiered", stp, oursStream);
                ours = exchange;
                oursTrades = exchange::trades;
                oursName = "ours (exchange, tiered fees)";
                theirs = new ExchangeCoreFullVenue(theirsStream);
                theirsName = "exchange-core (risk + matching + settlement)";
            }
            default -> throw new IllegalArgumentException(subject.name());
        }
        Recorder oursCalls = new Recorder(ours);
        Recorder theirsCalls = new Recorder(theirs);
        oursStream.seed(oursCalls);
        theirsStream.seed(theirsCalls);
        long firstDifference = oursCalls.hash == theirsCalls.hash ? -1 : 0;
        for (int op = 1; op <= OPERATIONS; op++) {
            oursStream.next(oursCalls);
            theirsStream.next(theirsCalls);
            if (firstDifference < 0 && oursCalls.hash != theirsCalls.hash) {
                firstDifference = op;
            }
        }
        return new Outcome(oursName, oursTrades.getAsLong(), ours.restingOrders(), theirsName, theirs.trades(),
                theirs.selfTrades(), theirs.restingOrders(), theirs.placementRejects(), theirs.cancelRejects(),
                firstDifference);
    }

    /** What one lockstep run saw. */
    private record Outcome(String oursName, long oursTrades, int oursResting, String theirsName, long theirsTrades,
                           long theirsSelfTrades, int theirsResting, long theirsPlacementRejects,
                           long theirsCancelRejects, long firstDifference) {

        double percent() {
            return oursTrades == 0 ? 100 : 100.0 * Math.abs(oursTrades - theirsTrades) / oursTrades;
        }

        String describe() {
            return String.format("%,d operations: %s %,d trades, %,d resting at the end; %s %,d trades (%,d "
                            + "self-trades), %,d resting, %,d placements and %,d cancels refused; trades differ "
                            + "by %.2f %% (tolerance %d %%); the calls were identical %s",
                    OPERATIONS, oursName, oursTrades, oursResting, theirsName, theirsTrades, theirsSelfTrades,
                    theirsResting, theirsPlacementRejects, theirsCancelRejects, percent(), TOLERANCE_PERCENT,
                    firstDifference < 0 ? "throughout"
                            : String.format("up to operation %,d", firstDifference - 1));
        }
    }

    /** Passes calls on and hashes them (kind, agent or owner, side, price, lots; not the venue's order ids). */
    private static final class Recorder implements OrderMixStream.Venue {

        final OrderMixStream.Venue venue;
        long hash = 17;

        Recorder(OrderMixStream.Venue venue) {
            this.venue = venue;
        }

        private void note(int kind, long agent, boolean buy, long price, long lots) {
            hash = (((hash * 31 + kind) * 31 + agent) * 31 + (buy ? 1 : 0)) * 31 + price;
            hash = hash * 31 + lots;
        }

        @Override
        public void advanceClock() {
            venue.advanceClock();
        }

        @Override
        public long bestBid() {
            return venue.bestBid();
        }

        @Override
        public long bestAsk() {
            return venue.bestAsk();
        }

        @Override
        public int restingOrders() {
            return venue.restingOrders();
        }

        @Override
        public long limit(int agent, boolean buy, long price, long lots) {
            note(1, agent, buy, price, lots);
            return venue.limit(agent, buy, price, lots);
        }

        @Override
        public long immediateOrCancel(int agent, boolean buy, long price, long lots) {
            note(2, agent, buy, price, lots);
            return venue.immediateOrCancel(agent, buy, price, lots);
        }

        @Override
        public long market(int agent, boolean buy, long lots) {
            note(3, agent, buy, 0, lots);
            return venue.market(agent, buy, lots);
        }

        @Override
        public long fillOrKill(int agent, boolean buy, long price, long lots) {
            note(4, agent, buy, price, lots);
            return venue.fillOrKill(agent, buy, price, lots);
        }

        @Override
        public long postOnly(int agent, boolean buy, long price, long lots) {
            note(5, agent, buy, price, lots);
            return venue.postOnly(agent, buy, price, lots);
        }

        @Override
        public long cancel(int owner, long orderId) {
            note(6, owner, false, 0, 0);
            return venue.cancel(owner, orderId);
        }
    }
}
