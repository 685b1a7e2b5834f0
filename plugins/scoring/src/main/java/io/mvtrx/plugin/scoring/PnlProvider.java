package io.mvtrx.plugin.scoring;

import java.util.OptionalDouble;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.scoring.RealizedSeries;
import io.mvtrx.api.spi.scoring.ScoringMetric;
import io.mvtrx.api.spi.scoring.ScoringMetricProvider;

/**
 * Provides {@code pnl}: the realized P&L summed over the window (protocol.md §7.3). A book with zero summed P&L is
 * inactive and yields no score; the pipeline normalizes by the reference wealth. Public no-argument constructor:
 * ServiceLoader and PF4J need it.
 */
public final class PnlProvider implements ScoringMetricProvider {

    public PnlProvider() {
    }

    @Override
    public String name() {
        return "pnl";
    }

    @Override
    public String description() {
        return "realized P&L summed over the scoring window; empty for a book with none";
    }

    @Override
    public ScoringMetric create(Settings settings) {
        return PnlProvider::sum;
    }

    private static OptionalDouble sum(RealizedSeries series) {
        double total = 0;
        for (int i = 0; i < series.size(); i++) {
            total += series.value(i);
        }
        return total == 0.0 ? OptionalDouble.empty() : OptionalDouble.of(total);
    }
}
