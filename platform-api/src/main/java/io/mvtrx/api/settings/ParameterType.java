package io.mvtrx.api.settings;

import java.math.BigDecimal;
import java.util.Locale;

/** The type of a plugin parameter, used to check configuration before anything is created. */
public enum ParameterType {
    /** A whole number that fits a long (nanosecond durations, counts, seeds). */
    INTEGER,
    /** A decimal number. */
    DECIMAL,
    /** 1/0/true/false/yes/no. */
    BOOLEAN,
    /** Any text. */
    STRING;

    /** Whether text is a valid value of this type. */
    public boolean accepts(String text) {
        String value = text.strip();
        return switch (this) {
            case INTEGER -> {
                try {
                    new BigDecimal(value).longValueExact();
                    yield true;
                } catch (NumberFormatException | ArithmeticException e) {
                    yield false;
                }
            }
            case DECIMAL -> {
                try {
                    new BigDecimal(value);
                    yield true;
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                case "1", "0", "true", "false", "yes", "no" -> true;
                default -> false;
            };
            case STRING -> true;
        };
    }

    /** Lower-case name for messages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
