/**
 * Prometheus text exposition for the MVTRX servers (validator, miner, chain): {@link
 * io.mvtrx.runtime.metrics.PrometheusText} and {@link io.mvtrx.runtime.metrics.Histogram}. No dependencies.
 */
module io.mvtrx.runtime.metrics {
    exports io.mvtrx.runtime.metrics;
}
