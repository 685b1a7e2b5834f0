package io.mvtrx.runtime.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.runtime.wire.proto.ModelProto;

import org.junit.jupiter.api.Test;

class AccountOrdersTest {

    private static final int AGENT = 17;
    private static final int BOOK = 93;

    @Test
    void aMarketMakersQuotesTravelAsColumnsAtUnderHalfTheBytesOfMessages() {
        // 100 GTC quotes near 300.00, ids and arrival times increasing, as a maker keeps on one book
        List<Order> quotes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            quotes.add(new Order(1_000_000 + 7L * i, BOOK, AGENT, Order.NO_CLIENT_ID, i % 2 == 0 ? Side.BUY : Side.SELL,
                    30_000 + (i % 2 == 0 ? -1 : 1) * (i % 30), 2_500 + 75L * i, 0, 3_600_000_000_000L + 1_234_567L * i,
                    TimeInForce.GTC, 0, StpMode.CO));
        }
        Account account = account(quotes);

        ModelProto.Account columns = AccountCodec.encode(account);
        ModelProto.Account messages = ModelProto.Account.newBuilder(columns).clearOrderColumns()
                .addAllOrders(quotes.stream().map(o -> ModelProto.Order.newBuilder().setOrderId(o.orderId())
                        .setBookId(o.bookId()).setAgentId(o.agentId()).setClientOrderId(o.clientOrderId())
                        .setSide(Enums.SIDE.encode(o.side())).setPrice(o.price()).setVolume(o.volume())
                        .setTimestamp(o.timestamp()).setTimeInForce(Enums.TIME_IN_FORCE.encode(o.timeInForce()))
                        .setStp(Enums.STP.encode(o.stp())).build()).toList())
                .build();

        assertThat(columns.getOrdersCount()).isZero();
        assertThat(columns.getOrderColumns().getOrderIdDeltaCount()).isEqualTo(100);
        // 14.3 bytes an order as columns (1 429 for the 100), 31 as messages
        int accountOnly = columns.getSerializedSize() - columns.getOrderColumns().getSerializedSize();
        assertThat(columns.getOrderColumns().getSerializedSize())
                .isLessThan((messages.getSerializedSize() - accountOnly) / 2);
        assertThat(AccountCodec.decode(columns)).isEqualTo(account);
        assertThat(AccountCodec.decode(messages)).isEqualTo(account);
    }

    @Test
    void quotesWithOnePeriodCarryTheirExpiryInOneByteAndMixedExpiriesComeBackExactly() {
        // 100 GTT quotes expiring 60 s after they arrived, as RandomMakerAgent places them
        List<Order> quotes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long arrived = 3_600_000_000_000L + 1_234_567L * i;
            quotes.add(new Order(1_000_000 + 7L * i, BOOK, AGENT, Order.NO_CLIENT_ID, Side.BUY, 30_000 - i % 30,
                    2_500, 0, arrived, TimeInForce.GTT, arrived + 60_000_000_000L, StpMode.CO));
        }
        ModelProto.AccountOrderColumns columns = AccountCodec.encode(account(quotes)).getOrderColumns();

        // the first expiry in full (7 bytes as a sint64), then 0 for each of the 99 others: 106 bytes with the header
        assertThat(columns.getExpiryDeltaList()).startsWith(3_660_000_000_000L).containsOnlyOnce(3_660_000_000_000L)
                .hasSize(100).filteredOn(d -> d != 0).hasSize(1);
        assertThat(ModelProto.AccountOrderColumns.newBuilder().addAllExpiryDelta(columns.getExpiryDeltaList())
                .build().getSerializedSize()).isEqualTo(1 + 1 + 7 + 99);
        assertThat(AccountCodec.decode(AccountCodec.encode(account(quotes)))).isEqualTo(account(quotes));

        // periods changing, orders without expiry between, an expiry before the timestamp, extremes that wrap
        List<Order> mixed = new ArrayList<>();
        long[][] timesAndExpiries = {{10, 0}, {20, 80}, {30, 90}, {40, 0}, {50, 0}, {60, 5}, {70, Long.MAX_VALUE},
            {Long.MIN_VALUE, Long.MIN_VALUE}, {90, 200}, {100, 210}};
        for (int i = 0; i < timesAndExpiries.length; i++) {
            mixed.add(new Order(5 + i, BOOK, AGENT, i, Side.SELL, 30_010, 2_500, 0, timesAndExpiries[i][0],
                    timesAndExpiries[i][1] == 0 ? TimeInForce.GTC : TimeInForce.GTT, timesAndExpiries[i][1],
                    StpMode.CN));
        }
        ModelProto.Account encoded = AccountCodec.encode(account(mixed));
        assertThat(encoded.getOrderColumns().getExpiryDeltaList())
                .startsWith(0L, 80L, 0L, -100L, 0L, 5L, Long.MAX_VALUE - (70 + (5 - 60)));
        assertThat(AccountCodec.decode(encoded)).isEqualTo(account(mixed));
    }

    @Test
    void ordersOfAnotherAgentOrBookTravelAsMessages() {
        Order own = order(5, BOOK, AGENT);
        assertThat(AccountCodec.encode(account(List.of(own, order(6, BOOK, AGENT + 1)))).getOrdersCount())
                .isEqualTo(2);
        assertThat(AccountCodec.encode(account(List.of(own, order(6, BOOK + 1, AGENT)))).getOrdersCount())
                .isEqualTo(2);
        assertThat(AccountCodec.encode(account(List.of())).hasOrderColumns()).isFalse();
    }

    @Test
    void malformedColumnsAreRefusedNamingWhatIsWrong() {
        ModelProto.Account good = AccountCodec.encode(account(List.of(order(5, BOOK, AGENT), order(9, BOOK, AGENT))));

        ModelProto.Account shortColumn = good.toBuilder().setOrderColumns(good.getOrderColumns().toBuilder()
                .clearVolume().addVolume(1)).build();
        assertThatThrownBy(() -> AccountCodec.decode(shortColumn)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("AccountOrderColumns: column volume has 1 values, order_id_delta has 2");

        ModelProto.Account unsetSide = good.toBuilder().setOrderColumns(good.getOrderColumns().toBuilder()
                .setSideValue(1, 0)).build();
        assertThatThrownBy(() -> AccountCodec.decode(unsetSide)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("AccountOrderColumns.side");

        ModelProto.Account both = good.toBuilder().addOrders(ModelProto.Order.getDefaultInstance()).build();
        assertThatThrownBy(() -> AccountCodec.decode(both)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("more than one way");
    }

    private static Order order(long id, int book, int agent) {
        return new Order(id, book, agent, 42, Side.SELL, 30_010, 2_500, 0, 1_000 + id, TimeInForce.GTT, 9_000,
                StpMode.CN);
    }

    private static Account account(List<Order> orders) {
        Balance balance = new Balance(100, 90, 10, 100);
        return new Account(AGENT, BOOK, balance, balance, 0, 0, 0, 0, orders, List.of(), new FeeRates(1, 2, 3));
    }
}
