package io.mvtrx.runtime.exchange.comparison;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SameStreamCheckTest {

    @Test
    void withoutSelfTradePreventionOurBookAndExchangeCoresBookMakeTheSameCallsAndTrades() {
        String report = SameStreamCheck.compare("BOOK");

        assertThat(report).contains("ours with STP NONE: 500,000 operations: ours (PriceTime book alone) 226,051 "
                + "trades, 997 resting at the end; exchange-core (OrderBookDirectImpl alone) 226,051 trades (232 "
                + "self-trades), 997 resting, 0 placements and 129,719 cancels refused; trades differ by 0.00 %");
        assertThat(report).contains("the calls were identical throughout");
    }

    @Test
    void withoutSelfTradePreventionOurExchangeAndExchangeCoresPipelineMakeTheSameCallsAndTrades() {
        String report = SameStreamCheck.compare("FULL");

        assertThat(report).contains("ours with STP NONE: 500,000 operations: ours (exchange, tiered fees) 226,051 "
                + "trades, 997 resting at the end; exchange-core (risk + matching + settlement) 226,051 trades (232 "
                + "self-trades), 997 resting, 0 placements and 129,719 cancels refused");
        assertThat(report).contains("ours with STP CO (as measured): 500,000 operations: ours (exchange, tiered "
                + "fees) 227,061 trades");
    }

    @Test
    void isolatedRunLoadsItsOwnCopyOfTheVenues() {
        SameStreamCheck.runIsolated(SameStreamCheck.Subject.BOOK);
    }
}
