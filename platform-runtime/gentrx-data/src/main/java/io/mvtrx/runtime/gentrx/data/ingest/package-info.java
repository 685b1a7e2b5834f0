/** The ingest pipeline: reorder buffer, simulation identity, replay of ticks into training rows. */
package io.mvtrx.runtime.gentrx.data.ingest;
