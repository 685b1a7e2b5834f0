package io.mvtrx.runtime.wire.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.account.Loan;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

/**
 * Random api records of every kind, numbers drawn with a bias to the edges (min, max, 0, -1, 1). Collections stay
 * small so a property try costs microseconds.
 */
final class RecordGen {

    private static final long[] EDGES = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Integer.MAX_VALUE + 1L};

    private final Random random;

    RecordGen(Random random) {
        this.random = random;
    }

    long anyLong() {
        return switch (random.nextInt(4)) {
            case 0 -> EDGES[random.nextInt(EDGES.length)];
            case 1 -> random.nextLong(-1_000_000, 1_000_000);
            default -> random.nextLong();
        };
    }

    long nonNegative() {
        return random.nextBoolean() ? random.nextLong(0, 1_000_000) : random.nextLong(0, Long.MAX_VALUE);
    }

    int anyInt() {
        return switch (random.nextInt(3)) {
            case 0 -> new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1}[random.nextInt(4)];
            case 1 -> random.nextInt(-1000, 1000);
            default -> random.nextInt();
        };
    }

    String text() {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(16);
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x20, 0x3000) : random.nextInt('a', 'z' + 1));
        }
        return s.toString();
    }

    <E extends Enum<E>> E pick(Class<E> type) {
        E[] values = type.getEnumConstants();
        return values[random.nextInt(values.length)];
    }

    <T> List<T> list(int max, Function<RecordGen, T> element) {
        int n = random.nextInt(max + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.apply(this));
        }
        return out;
    }

    Instruction instruction(int kind) {
        return switch (kind) {
            case 0 -> new PlaceLimit(anyInt(), pick(Side.class), anyLong(), anyLong(), pick(Currency.class),
                    anyLong(), pick(TimeInForce.class), anyLong(), random.nextBoolean(), pick(StpMode.class),
                    anyLong(), anyLong(), anyLong(), anyLong(), nonNegative());
            case 1 -> new PlaceMarket(anyInt(), pick(Side.class), anyLong(), pick(Currency.class), anyLong(),
                    anyLong(), pick(StpMode.class), anyLong(), anyLong(), anyLong(), anyLong(), nonNegative());
            case 2 -> new CancelOrders(anyInt(),
                    list(4, g -> new CancelOrders.Cancellation(g.anyLong(), g.anyLong())), nonNegative());
            case 3 -> new ClosePositions(anyInt(),
                    list(4, g -> new ClosePositions.PositionClose(g.anyLong(), g.anyLong())), nonNegative());
            default -> new ResetAgents(list(5, RecordGen::anyInt), nonNegative());
        };
    }

    Instruction instruction() {
        return instruction(random.nextInt(5));
    }

    Trade trade() {
        return trade(anyInt());
    }

    Trade trade(int bookId) {
        return new Trade(bookId, anyLong(), anyLong(), pick(Side.class), anyLong(), anyLong(), anyInt(), anyInt(),
                anyLong(), anyLong(), anyLong(), anyLong());
    }

    BookEvent event(int kind) {
        return event(kind, anyInt());
    }

    BookEvent event(int kind, int bookId) {
        return switch (kind) {
            case 0 -> new OrderPlaced(bookId, anyLong(), anyLong(), anyInt(), anyLong(), pick(OrderType.class),
                    pick(Side.class), anyLong(), anyLong(), anyLong(), pick(StpMode.class));
            case 1 -> trade(bookId);
            default -> new OrderCancelled(bookId, anyLong(), anyLong(), anyInt(), anyLong(), anyLong(), anyLong(),
                    pick(CancelReason.class));
        };
    }

    BookEvent event() {
        return event(random.nextInt(3));
    }

    Optional<RejectReason> failure() {
        return random.nextBoolean() ? Optional.empty() : Optional.of(pick(RejectReason.class));
    }

    Notice notice(int kind) {
        return switch (kind) {
            case 0 -> new SimulationStarted(anyLong(), text());
            case 1 -> new SimulationEnded(anyLong(), text());
            case 2 -> new OrderAccepted(anyLong(), anyInt(), anyLong(), anyLong(), pick(OrderType.class),
                    pick(Side.class), anyLong(), anyLong(), anyLong());
            case 3 -> new OrderRejected(anyLong(), anyInt(), anyLong(), pick(OrderType.class), pick(Side.class),
                    pick(RejectReason.class));
            case 4 -> new CancelReport(anyLong(), anyInt(), anyLong(), anyLong(), pick(CancelReason.class),
                    failure());
            case 5 -> new TradeNotice(trade(), anyLong(), random.nextBoolean());
            case 6 -> new PositionCloseReport(anyLong(), anyInt(), anyLong(), failure());
            default -> new AgentReset(anyLong(), anyInt());
        };
    }

    Notice notice() {
        return notice(random.nextInt(8));
    }

    Level level() {
        if (random.nextBoolean()) {
            return Level.broad(anyLong(), anyLong());
        }
        return new Level(anyLong(), anyLong(),
                list(3, g -> new RestingOrder(g.anyLong(), g.anyInt(), g.anyLong(), g.anyLong())));
    }

    /** A book whose events are mostly all its own (written as columns), sometimes of any book (as messages). */
    BookState book() {
        int bookId = anyInt();
        boolean own = random.nextInt(4) != 0;
        return new BookState(new BookSnapshot(bookId, anyLong(), list(4, RecordGen::level), list(4, RecordGen::level)),
                list(6, g -> own ? g.event(g.random.nextInt(3), bookId) : g.event()), anyLong());
    }

    Balance balance() {
        long free = anyLong();
        long reserved = anyLong();
        return new Balance(free + reserved, free, reserved, anyLong());
    }

    /**
     * An account; half of them hold only their own agent's orders on their own book (as the simulation's accounts
     * do, the form that travels as columns), the others orders of any ids.
     */
    Account account() {
        int agentId = anyInt();
        int bookId = anyInt();
        boolean own = random.nextBoolean();
        return new Account(agentId, bookId, balance(), balance(), anyLong(), anyLong(), anyLong(), anyLong(),
                list(own ? 6 : 3, g -> new Order(g.anyLong(), own ? bookId : g.anyInt(), own ? agentId : g.anyInt(),
                        g.anyLong(), g.pick(Side.class), g.anyLong(), g.anyLong(), g.anyLong(), g.anyLong(),
                        g.pick(TimeInForce.class), g.anyLong(), g.pick(StpMode.class))),
                list(3, g -> new Loan(g.anyLong(), g.anyLong(), g.pick(Currency.class), g.anyLong(), g.anyLong(),
                        g.anyLong(), g.anyLong())),
                new FeeRates(anyLong(), anyLong(), anyLong()));
    }

    SimulationInfo simulation() {
        return new SimulationInfo(text(), anyInt(), anyInt(), anyInt(), anyLong(), anyLong(), anyLong(),
                BookDecimals.of(random.nextInt(19), random.nextInt(19), random.nextInt(19), random.nextInt(19)),
                anyLong(), anyInt(), anyLong(), anyLong(), anyLong(), anyLong(), text());
    }

    StateUpdate state() {
        Map<Integer, Account> accounts = new HashMap<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            accounts.put(anyInt(), account());
        }
        return new StateUpdate(anyLong(), simulation(), list(3, RecordGen::book), accounts,
                list(5, RecordGen::notice));
    }

    AgentResponse response() {
        return new AgentResponse(anyInt(), list(6, RecordGen::instruction));
    }
}
