/** The order-book workload and the abstract benchmark shared by the matching-rule benchmarks. */
package io.mvtrx.plugin.matching;
