package io.mvtrx.api.spi.trading.support;

import java.math.BigDecimal;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterValuesTest {

    private static final Parameter SPREAD = Parameter.optional("spread", ParameterType.DECIMAL, "0.001", "");
    private static final Parameter PERIOD = Parameter.optional("period", ParameterType.INTEGER, "60e9", "");
    private static final Parameter FLAG = Parameter.optional("flag", ParameterType.BOOLEAN, "yes", "");
    private static final Parameter MODEL = Parameter.optional("model", ParameterType.STRING, "ols", "");
    private static final Parameter SIZE = Parameter.required("size", ParameterType.DECIMAL, "");

    @Test
    void fallsBackToTheDeclaredDefault() {
        Settings empty = Settings.builder("Agent").attribute("size", "2").build();

        assertThat(ParameterValues.decimal(empty, SPREAD)).isEqualByComparingTo("0.001");
        assertThat(ParameterValues.integer(empty, PERIOD)).isEqualTo(60_000_000_000L);
        assertThat(ParameterValues.bool(empty, FLAG)).isTrue();
        assertThat(ParameterValues.string(empty, MODEL)).isEqualTo("ols");
        assertThat(ParameterValues.decimal(empty, SIZE)).isEqualByComparingTo(BigDecimal.TWO);
    }

    @Test
    void readsGivenValuesAndNamesWhatIsWrong() {
        Settings given = Settings.builder("Agent").attribute("spread", "0.01").attribute("period", "banana").build();

        assertThat(ParameterValues.decimal(given, SPREAD)).isEqualByComparingTo("0.01");
        assertThatThrownBy(() -> ParameterValues.integer(given, PERIOD)).isInstanceOf(SettingsException.class)
                .hasMessage("/Agent: attribute 'period' must be an integer, got 'banana'");
        assertThatThrownBy(() -> ParameterValues.decimal(given, SIZE))
                .hasMessage("/Agent: missing required attribute 'size'");
        assertThatThrownBy(() -> ParameterValues.check(given, false, "'%s' must be >= 0, got %s", "spread", -1))
                .isInstanceOf(SettingsException.class).hasMessage("/Agent: 'spread' must be >= 0, got -1");
    }
}
