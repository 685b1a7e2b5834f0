package io.mvtrx.api.spi.scoring;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;

/** Provides a scoring metric, selected by name in the validator's scoring configuration. */
public interface ScoringMetricProvider extends PluginProvider {

    /** Creates the metric with its parameters. */
    ScoringMetric create(Settings settings);
}
