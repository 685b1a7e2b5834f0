package io.mvtrx.runtime.validator.scoring;

/**
 * What scoring needs to know about the simulation (the reference's {@code simulation_config}).
 *
 * @param bookCount      books per miner
 * @param minerWealth    each miner's starting wealth per book, quote units
 * @param volumeDecimals decimals realized P&L and the volume cap are rounded to
 * @param gracePeriod    ns; a gap this long between two P&L observations marks a new simulation (600 s)
 */
public record SimulationParams(int bookCount, double minerWealth, int volumeDecimals, long gracePeriod) {

    public SimulationParams {
        if (bookCount < 1) {
            throw new IllegalArgumentException("bookCount must be >= 1, got " + bookCount);
        }
        if (!(minerWealth > 0)) {
            throw new IllegalArgumentException("minerWealth must be > 0, got " + minerWealth);
        }
        if (volumeDecimals < 0 || volumeDecimals > 18) {
            throw new IllegalArgumentException("volumeDecimals must be within [0, 18], got " + volumeDecimals);
        }
        if (gracePeriod < 0) {
            throw new IllegalArgumentException("gracePeriodNs must be >= 0, got " + gracePeriod);
        }
    }
}
