package io.mvtrx.runtime.simulator.log;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLogTest {

    private static final BookDecimals DECIMALS = BookDecimals.REFERENCE;

    /** Three events of block 1, a barrier, then one of block 0 earlier in time. */
    private static void writeSample(EventLogWriter log) {
        log.placed(17, 1_500_000_000L, 42, -1637, -1, 0, 1, 1, 30_001, 2_500, 0);
        log.trade(17, 1_500_000_001L, 7, 0, 43, 42, 3, -1637, 30_001, 2_500, 172_500_000L, -2_000L);
        log.cancelled(17, 1_700_000_000L, 42, -1637, 30_001, 1_000, 0, 1);
        log.placed(2, 1_000_000_000L, Long.MAX_VALUE, 263, 77, 1, 0, 4, Long.MAX_VALUE, 1, 40_000);
        log.step(2_000_000_000L);
    }

    private static byte[] sample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EventLogWriter log = new EventLogWriter(bytes, 2, 16, DECIMALS, 0, 1_000_000_000L, -5);
        writeSample(log);
        log.close();
        return bytes.toByteArray();
    }

    @Test
    void readsBackEveryFieldOfEveryRecordAndAgreesWithTheTrailer() throws IOException {
        List<BookEvent> events = new ArrayList<>();
        EventLogReader.Summary summary = EventLogReader.read(new ByteArrayInputStream(sample()), events::add);

        assertThat(events).containsExactly(
                new OrderPlaced(17, 1_500_000_000L, 42, -1637, -1, OrderType.LIMIT, Side.SELL, 30_001, 2_500, 0,
                        StpMode.CO),
                new Trade(17, 1_500_000_001L, 7, Side.BUY, 43, 42, 3, -1637, 30_001, 2_500, 172_500_000L, -2_000L),
                new OrderCancelled(17, 1_700_000_000L, 42, -1637, 30_001, 1_000, 0, CancelReason.EXPIRED),
                new OrderPlaced(2, 1_000_000_000L, Long.MAX_VALUE, 263, 77, OrderType.MARKET, Side.BUY,
                        Long.MAX_VALUE, 1, 40_000, StpMode.DC));
        assertThat(summary).isEqualTo(new EventLogReader.Summary(2, 16, DECIMALS, 0, 1_000_000_000L, -5, 4, 1,
                summary.hash(), true));
    }

    @Test
    void hashingWithoutAFileGivesTheSameHashAsWritingOne() throws IOException {
        EventLogWriter hashOnly = new EventLogWriter(null, 2, 16, DECIMALS, 0, 1_000_000_000L, -5);
        writeSample(hashOnly);

        EventLogReader.Summary read = EventLogReader.read(new ByteArrayInputStream(sample()), e -> { });

        assertThat(hashOnly.hash()).isEqualTo(read.hash());
        assertThat(hashOnly.events()).isEqualTo(4);
    }

    @Test
    void aTruncatedLogReadsAsIncomplete() throws IOException {
        byte[] whole = sample();
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);

        assertThat(EventLogReader.read(new ByteArrayInputStream(cut), e -> { }).complete()).isFalse();
    }

    @Test
    void refusesAFileThatIsNotAnEventLog() {
        byte[] bytes = sample();
        bytes[0] = 'X';

        assertThatThrownBy(() -> EventLogReader.read(new ByteArrayInputStream(bytes), e -> { }))
                .isInstanceOf(IOException.class).hasMessage("not an MVTRX event log (bad magic)");
    }

    @Property(tries = 300)
    void aChangeInAnyOneFieldChangesTheHash(@ForAll long price, @ForAll long volume) {
        EventLogWriter a = new EventLogWriter(null, 1, 1, DECIMALS, 0, 1, 0);
        EventLogWriter b = new EventLogWriter(null, 1, 1, DECIMALS, 0, 1, 0);
        a.placed(0, 5, 1, -1, -1, 0, 0, 1, price, volume, 0);
        b.placed(0, 5, 1, -1, -1, 0, 0, 1, price, volume + 1, 0);
        a.step(10);
        b.step(10);

        assertThat(a.hash()).isNotEqualTo(b.hash());
    }
}
