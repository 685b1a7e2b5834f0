/** The validator's side of GenTRX: per-miner assignments each round, and the reward transform into weights. */
module io.mvtrx.runtime.gentrx.validator {
    requires io.mvtrx.api;
    requires jakarta.json;
    requires java.net.http;

    exports io.mvtrx.runtime.gentrx.validator;
}
