package io.mvtrx.runtime.gentrx.data.tick;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code config} map every tick carries.
 *
 * @param priceDecimals  decimals of prices, when known
 * @param volumeDecimals decimals of volumes, when known
 * @param simulationId   the simulation's id; {@value #EXCHANGE_MODE} in exchange mode
 */
public record TickConfig(OptionalInt priceDecimals, OptionalInt volumeDecimals, Optional<String> simulationId) {

    /** The simulation id exchange-mode ticks carry. */
    public static final String EXCHANGE_MODE = "exchange";

    /** A tick without a config map. */
    public static final TickConfig NONE = new TickConfig(OptionalInt.empty(), OptionalInt.empty(), Optional.empty());

    /** Whether the tick comes from the exchange mode (events are stamped with the tick's time). */
    public boolean exchangeMode() {
        return simulationId.filter(EXCHANGE_MODE::equals).isPresent();
    }
}
