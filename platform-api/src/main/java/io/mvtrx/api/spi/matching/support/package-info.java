/**
 * Skeletal implementations for matching-rule implementers: {@link io.mvtrx.api.spi.matching.support.LadderBook}
 * keeps an allocation-free book's levels, queues, id index and pools so that a rule only says how a taker meets one
 * level.
 */
package io.mvtrx.api.spi.matching.support;
