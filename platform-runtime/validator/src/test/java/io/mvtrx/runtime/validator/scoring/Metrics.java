package io.mvtrx.runtime.validator.scoring;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

import io.mvtrx.api.spi.scoring.ScoringMetricProvider;

/** The scoring metrics on the test class path, by name, as a plugin registry would give them. */
final class Metrics {

    private Metrics() {
    }

    static Function<String, Optional<ScoringMetricProvider>> builtIn() {
        Map<String, ScoringMetricProvider> byName = new HashMap<>();
        ServiceLoader.load(ScoringMetricProvider.class).forEach(p -> byName.put(p.name(), p));
        return name -> Optional.ofNullable(byName.get(name));
    }
}
