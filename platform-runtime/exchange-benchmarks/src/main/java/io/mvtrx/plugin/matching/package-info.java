/** The order-book workload shared by the matching-rule benchmarks. */
package io.mvtrx.plugin.matching;
