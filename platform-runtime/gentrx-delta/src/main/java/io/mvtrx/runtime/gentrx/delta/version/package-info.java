/** What the aggregator publishes per model version: the delta from the previous version, the version record, the state hash. */
package io.mvtrx.runtime.gentrx.delta.version;
