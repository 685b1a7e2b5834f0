/**
 * The GenTRX gradient server: the validator's sidecar that turns tick packets into pages, holds each round's
 * per-miner assignments, collects and scores the miners' gradients, aggregates the accepted ones into a new model
 * version and serves the scores back over HTTP.
 */
module io.mvtrx.runtime.gentrx.server {
    requires transitive io.mvtrx.api;
    requires transitive io.mvtrx.runtime.gentrx.delta;
    requires transitive io.mvtrx.runtime.gentrx.storage;
    requires transitive io.mvtrx.runtime.gentrx.data;
    requires io.mvtrx.runtime.metrics;
    requires io.helidon.webserver;
    requires io.helidon.http;
    requires jakarta.json;

    exports io.mvtrx.runtime.gentrx.server;
    exports io.mvtrx.runtime.gentrx.server.round;
    exports io.mvtrx.runtime.gentrx.server.scoring;
    exports io.mvtrx.runtime.gentrx.server.model;
    exports io.mvtrx.runtime.gentrx.server.state;
    exports io.mvtrx.runtime.gentrx.server.http;
    exports io.mvtrx.runtime.gentrx.server.data;

    uses io.mvtrx.runtime.gentrx.server.scoring.EvaluatorFactory;
}
