package io.mvtrx.runtime.bittensor.axon;

import java.util.List;
import java.util.Optional;

/**
 * The synapses a τaos axon serves (bittensor.md §4), with what the protocol needs of each: the route (the Python
 * class name), the fields sent as {@code bt_header_input_obj_*} headers (required fields without a default), and
 * the class's {@code required_hash_fields} in tuple order.
 */
public enum SynapseType {
    /** The state update: {@code timestamp} is required, nothing is hashed. */
    MARKET_SIMULATION_STATE_UPDATE("MarketSimulationStateUpdate", List.of("timestamp"), List.of()),
    /** Event notification as validators name it. */
    FINANCE_EVENT_NOTIFICATION("FinanceEventNotification", List.of(), List.of()),
    /** The same notification under the route Python miners actually serve. */
    EVENT_NOTIFICATION("EventNotification", List.of(), List.of()),
    /** A GenTRX training assignment; all fields but {@code advice} are bound into the signature. */
    GENTRX_ASSIGNMENT("GenTRXAssignment", List.of(), List.of("round", "model_version", "books", "ts_start", "ts_end",
            "data", "data_source", "data_endpoint", "data_bucket", "data_access_key", "data_secret_key",
            "validator_uid")),
    /** The built-in ping every axon serves. */
    SYNAPSE("Synapse", List.of(), List.of());

    private final String route;
    private final List<String> requiredFields;
    private final List<String> hashFields;

    SynapseType(String route, List<String> requiredFields, List<String> hashFields) {
        this.route = route;
        this.requiredFields = requiredFields;
        this.hashFields = hashFields;
    }

    /** The Python class name: the URL path segment and the {@code name} header. */
    public String route() {
        return route;
    }

    /** Fields the dendrite sends as {@code bt_header_input_obj_<field>} and the axon needs to build the synapse. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    /** {@code required_hash_fields}, in order. */
    public List<String> hashFields() {
        return hashFields;
    }

    /** The synapse served under {@code route}. */
    public static Optional<SynapseType> ofRoute(String route) {
        for (SynapseType type : values()) {
            if (type.route.equals(route)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Every route, for the 404 message. */
    public static List<String> routes() {
        return java.util.Arrays.stream(values()).map(SynapseType::route).toList();
    }
}
