package io.mvtrx.runtime.config;

import io.mvtrx.api.settings.Settings;

/**
 * One {@code <Processes>} child: a process every book runs, resolved to a
 * {@link io.mvtrx.api.spi.process.PriceProcessProvider} by element name.
 *
 * @param type     provider name = element name ({@code FundamentalPrice}, {@code FuturesSignal} ...)
 * @param name     instance name agents look the process up by ({@code fundamental}, {@code external} ...)
 * @param settings the element, handed to the provider
 */
public record ProcessConfig(String type, String name, Settings settings) {

    public ProcessConfig {
        Checks.text("process type", type);
        Checks.text("process name", name);
        Checks.present("process settings", settings);
    }
}
