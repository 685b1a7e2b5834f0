/** The validator's side: signs one state request per miner and queries every miner in parallel under deadlines. */
package io.mvtrx.runtime.wire.validator;
