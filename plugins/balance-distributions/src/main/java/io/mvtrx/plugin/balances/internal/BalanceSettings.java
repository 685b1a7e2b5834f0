package io.mvtrx.plugin.balances.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Supplier;

import io.mvtrx.api.number.Scale;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.balances.BalanceContext;

/** Reads {@code <Balances>} elements: amounts, the seed and price fallbacks, and path-named errors. */
public final class BalanceSettings {

    private BalanceSettings() {
    }

    /**
     * A child's {@code total} at a scale, truncated toward zero.
     *
     * @param settings the {@code <Balances>} element
     * @param child    {@code Base} or {@code Quote}
     */
    public static long total(Settings settings, String child, Scale scale) {
        Settings element = settings.child(child).orElseThrow(() -> new SettingsException(
                "%s: missing child element <%s total=\"...\"/> (static balances need <Base> and <Quote>)",
                settings.path(), child));
        BigDecimal total = element.decimal("total");
        if (total.signum() < 0) {
            throw new SettingsException("%s: attribute 'total' must be >= 0, got '%s'", element.path(),
                    element.string("total"));
        }
        try {
            return scale.toScaled(total, RoundingMode.DOWN);
        } catch (ArithmeticException e) {
            throw new SettingsException("%s: attribute 'total' %s does not fit a balance at %d decimals",
                    element.path(), element.string("total"), scale.decimals());
        }
    }

    /** The {@code seed} attribute, else the context's seed. */
    public static long seed(Settings settings, BalanceContext context) {
        return settings.longValue("seed", context.seed());
    }

    /** The {@code price} attribute, else the exchange's initial price. */
    public static double price(Settings settings, BalanceContext context) {
        return settings.doubleValue("price", context.initialPrice());
    }

    /** Builds a distribution, turning its argument checks into an error naming the element path. */
    public static <T> T build(Settings settings, Supplier<T> distribution) {
        try {
            return distribution.get();
        } catch (IllegalArgumentException e) {
            throw new SettingsException("%s: %s", settings.path(), e.getMessage());
        }
    }
}
