package io.mvtrx.runtime.gentrx.server.round;

/**
 * Where one miner's assignment of a round stands on the server (gentrx.md §1.6). Production installs assignments
 * straight from {@code POST /round}, so the reference's {@code PENDING} and {@code DATA_READY} (its self-built fallback
 * assignments) do not occur here.
 */
public enum AssignmentState {
    /** Installed from the validator's push; the server polls the miner's bucket for the gradient. */
    DELIVERED,
    /** The gradient's bytes were read from the bucket (once); scoring is next. */
    GRADIENT_IN,
    /** Scored, or forced to score 0 because the round closed without a gradient. */
    SCORED
}
