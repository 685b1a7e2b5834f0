package io.mvtrx.api.settings;

/** A setting is missing or malformed. The message names the element path, the attribute and the value received. */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SettingsException(String format, Object... args) {
        super(String.format(format, args));
    }
}
