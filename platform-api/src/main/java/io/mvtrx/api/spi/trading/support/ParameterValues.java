package io.mvtrx.api.spi.trading.support;

import java.math.BigDecimal;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;

/**
 * Reads a declared {@link Parameter} from settings, falling back to the parameter's own default, so a default is
 * written once, in the schema. A required parameter that is absent, or a value of the wrong type, throws
 * {@link SettingsException} naming the element path and the attribute.
 *
 * {@snippet :
 * static final Parameter SPREAD = Parameter.optional("spread", ParameterType.DECIMAL, "0.001", "relative spread");
 * BigDecimal spread = ParameterValues.decimal(settings, SPREAD);
 * ParameterValues.check(settings, spread.signum() >= 0, "'spread' must be >= 0, got %s", spread);
 * }
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    /** A decimal parameter. */
    public static BigDecimal decimal(Settings settings, Parameter parameter) {
        return settings.has(parameter.name()) || parameter.defaultValue() == null
                ? settings.decimal(parameter.name())
                : new BigDecimal(parameter.defaultValue().strip());
    }

    /** An integer parameter. */
    public static long integer(Settings settings, Parameter parameter) {
        return settings.has(parameter.name()) || parameter.defaultValue() == null
                ? settings.longValue(parameter.name())
                : new BigDecimal(parameter.defaultValue().strip()).longValueExact();
    }

    /** A boolean parameter. */
    public static boolean bool(Settings settings, Parameter parameter) {
        return settings.has(parameter.name()) || parameter.defaultValue() == null
                ? settings.bool(parameter.name())
                : Settings.builder("default").attribute("v", parameter.defaultValue()).build().bool("v");
    }

    /** A string parameter. */
    public static String string(Settings settings, Parameter parameter) {
        return settings.has(parameter.name()) || parameter.defaultValue() == null
                ? settings.string(parameter.name())
                : parameter.defaultValue();
    }

    /**
     * Fails with {@code <path>: <message>} unless {@code ok}: for constraints between values (a minimum above a
     * maximum, a negative spread).
     */
    public static void check(Settings settings, boolean ok, String format, Object... args) {
        if (!ok) {
            throw new SettingsException("%s: %s", settings.path(), String.format(format, args));
        }
    }
}
