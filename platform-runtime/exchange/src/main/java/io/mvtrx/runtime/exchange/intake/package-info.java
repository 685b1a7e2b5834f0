/**
 * Stage 1, intake: parameter checks, sizing to the book's decimals, order limits, and the IOC/FOK/post-only
 * contracts.
 */
package io.mvtrx.runtime.exchange.intake;
