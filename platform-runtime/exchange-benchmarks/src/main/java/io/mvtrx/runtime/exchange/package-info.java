/** JMH benchmarks of the exchange engine: validation, reservation, matching, clearing and fees on one core. */
package io.mvtrx.runtime.exchange;
