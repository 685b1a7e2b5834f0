/** Scoring metrics: Kappa-3 (downside-risk-adjusted realized return) and summed realized P&L. */
module io.mvtrx.plugin.scoring {
    requires io.mvtrx.api;

    provides io.mvtrx.api.spi.scoring.ScoringMetricProvider
            with io.mvtrx.plugin.scoring.Kappa3Provider, io.mvtrx.plugin.scoring.PnlProvider;
}
