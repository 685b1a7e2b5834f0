/**
 * The validator node: the step loop that takes each publish of a simulation to the miners through a
 * {@link io.mvtrx.runtime.validator.node.MinerTransport}, validates and caps their answers, turns response times into
 * simulated latency, accounts trades, scores, sets weights on the chain and checkpoints its state.
 */
module io.mvtrx.runtime.validator.node {
    requires transitive io.mvtrx.api;
    requires transitive io.mvtrx.runtime.dashboard;
    requires transitive io.mvtrx.runtime.metrics;
    requires transitive io.mvtrx.runtime.plugins;
    requires transitive io.mvtrx.runtime.config;
    requires transitive io.mvtrx.runtime.simulator;
    requires transitive io.mvtrx.runtime.validator;
    requires transitive io.mvtrx.runtime.wire;
    requires transitive io.mvtrx.runtime.bittensor.axon;
    requires transitive io.mvtrx.runtime.gentrx.validator;
    requires io.helidon.webserver;
    requires io.helidon.http;
    requires io.helidon.webserver.observe;
    requires io.helidon.webserver.observe.health;
    requires io.helidon.health;
    requires java.net.http;

    exports io.mvtrx.runtime.validator.node;
    exports io.mvtrx.runtime.validator.node.gentrx;
}
