package io.mvtrx.plugin.agents;

import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.testkit.agents.ScriptedEnvironment;
import io.mvtrx.testkit.agents.ScriptedRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RandomTraderTest {

    private static final PopulationContext CONTEXT =
            new PopulationContext(1, 1, BookDecimals.REFERENCE, 30_000, 40_000, 0, 86_400_000_000_000L, 1);

    private static Settings element(String tau) {
        return Settings.builder("RandomTraderAgent").attribute("name", "R").attribute("exchange", "EXCHANGE")
                .attribute("tau", tau).build();
    }

    @Test
    void firstReadsTheBookAfterTheGracePeriodThenEverySecond() {
        BackgroundAgent trader = new RandomTraderAgentProvider().create(element("120000000000"), CONTEXT)
                .agent(new AgentContext(-1, 0, "R_0", 1));
        ScriptedRandom random = new ScriptedRandom().uniforms(0.5, 0.25, 0.5, 0.5).gaussians(0.0, 1.0);
        ScriptedEnvironment env = new ScriptedEnvironment(1, random);
        env.book(0).quote(29_900, 10_000, 30_100, 10_000);

        trader.onStart(env);
        assertThat(env.wakes()).singleElement().satisfies(w -> assertThat(w.timestamp()).isEqualTo(600_000_000_000L));

        trader.onWake(0, 0, env.at(600_000_000_000L));

        // bid U(0.01, 2) at 0.5 = 1.005 at U(299, 301) = 300; ask 0.5075 at U(300, 301) = 300.5
        PlaceLimit bid = (PlaceLimit) env.submissions().get(0).instruction();
        PlaceLimit ask = (PlaceLimit) env.submissions().get(1).instruction();
        assertThat(bid.side()).isEqualTo(Side.BUY);
        assertThat(bid.price()).isEqualTo(30_000);
        assertThat(bid.volume()).isEqualTo(10_050);
        assertThat(ask.side()).isEqualTo(Side.SELL);
        assertThat(ask.price()).isEqualTo(30_050);
        assertThat(ask.volume()).isEqualTo(5_075);
        assertThat(bid.leverage()).isZero();
        assertThat(bid.expiryPeriod()).isEqualTo(120_000_000_000L);
        // t = 1500/3000 → 10 ms + (e^2.5 - 1)/(e^5 - 1)·990 ms; t = 2000/3000 → …
        assertThat(env.submissions().get(0).latency()).isEqualTo(85_099_598L);
        assertThat(env.submissions().get(1).latency()).isEqualTo(191_539_482L);
        assertThat(env.wakes().getLast().timestamp()).isEqualTo(601_000_000_000L);
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void requiresAPositiveLifetime() {
        assertThatThrownBy(() -> new RandomTraderAgentProvider().create(element("0"), CONTEXT))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/RandomTraderAgent: attribute 'tau' must be > 0, got 0");
    }
}
