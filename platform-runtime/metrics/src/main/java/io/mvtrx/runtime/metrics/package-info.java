/** Prometheus text exposition and histograms for the servers' {@code /metrics} endpoints. */
package io.mvtrx.runtime.metrics;
