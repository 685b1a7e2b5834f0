package io.mvtrx.plugin.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.mvtrx.api.number.Rate;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;

/** Reads fee rates from settings as longs at {@link Rate#SCALE}, truncating extra decimals as the reference does. */
final class Rates {

    private Rates() {
    }

    /** A required rate strictly inside (-1, 1). */
    static long fee(Settings settings, String name) {
        return checkFee(settings, name, settings.decimal(name));
    }

    /** An optional rate strictly inside (-1, 1). */
    static long fee(Settings settings, String name, String defaultValue) {
        return checkFee(settings, name, settings.decimal(name, new BigDecimal(defaultValue)));
    }

    /** A required ratio inside [0, 1]. */
    static long fraction(Settings settings, String name) {
        BigDecimal value = settings.decimal(name);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new SettingsException("%s: attribute '%s' must lie within [0, 1], got '%s'",
                    settings.path(), name, value.toPlainString());
        }
        return Rate.SCALE.toScaled(value, RoundingMode.DOWN);
    }

    private static long checkFee(Settings settings, String name, BigDecimal value) {
        if (value.compareTo(BigDecimal.ONE) >= 0 || value.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new SettingsException("%s: attribute '%s' must lie strictly within (-1, 1), got '%s'",
                    settings.path(), name, value.toPlainString());
        }
        return Rate.SCALE.toScaled(value, RoundingMode.DOWN);
    }
}
