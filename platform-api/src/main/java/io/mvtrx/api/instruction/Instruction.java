package io.mvtrx.api.instruction;

/**
 * An agent's instruction to the exchange. The set is closed: handle it with a pattern {@code switch} without a
 * {@code default}, so adding a kind breaks the build wherever it is not handled.
 *
 * <p>Every instruction carries {@code delay}, extra nanoseconds the agent asks to wait before it reaches the
 * exchange, on top of the latency the simulator charges.
 */
public sealed interface Instruction permits PlaceLimit, PlaceMarket, CancelOrders, ClosePositions, ResetAgents {

    /** Extra delay in ns, {@code >= 0}. */
    long delay();
}
