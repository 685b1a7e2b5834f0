package io.mvtrx.runtime.validator.node;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.runtime.validator.scoring.LatencyDelay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseScreenTest {

    private static final long HOUR = 3_600_000_000_000L;
    /** 10 ms min, 1 s max, 3 s timeout, jitter exactly 5 ms so delays are exact numbers. */
    private static final LatencyDelay LATENCY = new LatencyDelay(10_000_000L, 1_000_000_000L, 3_000_000_000L,
            5_000_000L, 5_000_000L);

    private final VolumeLedger ledger = new VolumeLedger(600_000_000_000L, 24 * HOUR);

    static PlaceLimit limit(int book, long clientId, StpMode stp, long delay) {
        return new PlaceLimit(book, Side.BUY, 29_000, 10_000, Currency.BASE, 0, TimeInForce.GTC, 0, false, stp,
                clientId, SettleFlag.NONE, 0, 0, delay);
    }

    static CancelOrders cancel(int book) {
        return new CancelOrders(book, List.of(new CancelOrders.Cancellation(7, CancelOrders.Cancellation.ALL)), 0);
    }

    private ResponseScreen.Screened screen(ResponseScreen screen, List<Instruction> instructions) {
        // response time 0: base delay = min delay = 10 ms
        return screen.screen(1, instructions, LATENCY.assigner(0, new SplittableRandom(1)));
    }

    @Test
    void refusesInvalidInstructionsAloneAndKeepsTheValidOnes() {
        ResponseScreen screen = new ResponseScreen(4, 5, HOUR, ledger, 500_000);
        List<Instruction> sent = List.of(limit(0, 1, StpMode.CO, 0), limit(9, 2, StpMode.CO, 0),
                new ResetAgents(List.of(3), 0), limit(1, 3, StpMode.CO, HOUR + 1), cancel(2),
                limit(-1, 4, StpMode.CO, 0));

        ResponseScreen.Screened result = screen(screen, sent);

        assertThat(result.accepted()).containsExactly(limit(0, 1, StpMode.CO, 10_000_000L), new CancelOrders(2,
                List.of(new CancelOrders.Cancellation(7, CancelOrders.Cancellation.ALL)), 10_000_000L));
        assertThat(result.refused()).extracting(ResponseScreen.Refusal::reason).containsExactly(
                RejectReason.UNKNOWN_BOOK, RejectReason.INVALID_INSTRUCTION, RejectReason.INVALID_INSTRUCTION,
                RejectReason.UNKNOWN_BOOK);
        assertThat(result.refused()).extracting(ResponseScreen.Refusal::instruction)
                .containsExactly(sent.get(1), sent.get(2), sent.get(3), sent.get(5));
    }

    @Test
    void acceptsAtMostTheLimitPerBookAndCountsOnlyAcceptedOnes() {
        ResponseScreen screen = new ResponseScreen(2, 5, HOUR, ledger, 500_000);
        List<Instruction> sent = new ArrayList<>();
        sent.add(limit(7, 0, StpMode.CO, 0)); // refused for its book, does not count
        for (int i = 1; i <= 7; i++) {
            sent.add(limit(0, i, StpMode.CO, 0));
        }
        sent.add(limit(1, 8, StpMode.CO, 0));

        ResponseScreen.Screened result = screen(screen, sent);

        assertThat(result.accepted()).extracting(i -> ((PlaceLimit) i).clientOrderId())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 8L);
        assertThat(result.refused()).extracting(ResponseScreen.Refusal::reason).containsExactly(
                RejectReason.UNKNOWN_BOOK, RejectReason.INSTRUCTION_LIMIT, RejectReason.INSTRUCTION_LIMIT);
        // the same limits again for the next response: the count is per response
        assertThat(screen(screen, sent).accepted()).hasSize(6);
    }

    @Test
    void aBookAtTheVolumeCapTakesOnlyCancellations() {
        ResponseScreen screen = new ResponseScreen(2, 5, HOUR, ledger, 1_000.0);
        ledger.record(1, 0, 0, 600.0);
        ledger.record(1, 0, 1_000, 400.0);
        ledger.record(2, 1, 0, 5_000.0);
        PlaceMarket market = new PlaceMarket(0, Side.SELL, 10_000, Currency.BASE, 0, 0, StpMode.CO,
                Order.NO_CLIENT_ID, SettleFlag.NONE, 0, 0, 0);

        ResponseScreen.Screened result = screen(screen, List.of(limit(0, 1, StpMode.CO, 0), market, cancel(0),
                limit(1, 2, StpMode.CO, 0)));

        assertThat(ledger.volume(1, 0)).isEqualTo(1_000.0);
        assertThat(result.refused()).extracting(ResponseScreen.Refusal::reason)
                .containsExactly(RejectReason.VOLUME_CAP, RejectReason.VOLUME_CAP);
        assertThat(result.accepted()).extracting(ResponseScreen::bookOf).containsExactly(0, 1);
        assertThat(result.accepted().getFirst()).isInstanceOf(CancelOrders.class);
    }

    @Test
    void forcesSelfTradePreventionAndAddsLatencyAndJitterToTheAgentsDelay() {
        ResponseScreen screen = new ResponseScreen(2, 5, Long.MAX_VALUE, ledger, 500_000);

        ResponseScreen.Screened result = screen(screen, List.of(limit(0, 1, StpMode.NONE, 1_000),
                limit(0, 2, StpMode.CB, 0), limit(1, 3, StpMode.NONE, 0), limit(0, 4, StpMode.DC,
                        Long.MAX_VALUE - 1)));

        // first on a book: agent delay + 10 ms; later on the same book: + 5 ms jitter; saturating at the top
        assertThat(result.accepted()).containsExactly(
                limit(0, 1, StpMode.CO, 10_001_000L),
                limit(0, 2, StpMode.CB, 15_000_000L),
                limit(1, 3, StpMode.CO, 10_000_000L),
                limit(0, 4, StpMode.DC, Long.MAX_VALUE));
        assertThat(result.refused()).isEmpty();
    }
}
