package io.mvtrx.api.spi.process;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;

/** Provides a process, selected by the element name of a {@code <Processes>} child (e.g. {@code FundamentalPrice}). */
public interface PriceProcessProvider extends PluginProvider {

    /**
     * Creates one process instance for one book.
     *
     * @param settings the process element
     * @param context  book, seed and starting value
     */
    PriceProcess create(Settings settings, ProcessContext context);
}
