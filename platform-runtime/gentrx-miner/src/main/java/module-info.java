/**
 * The miner's side of GenTRX training: its bucket credentials and chain commitment, the background worker that syncs
 * the model, trains on assigned pages and uploads compressed parameter changes, and the agent decorator that lets any
 * trading agent train.
 */
module io.mvtrx.runtime.gentrx.miner {
    requires transitive io.mvtrx.api;
    requires transitive io.mvtrx.runtime.gentrx.storage;
    requires transitive io.mvtrx.runtime.gentrx.delta;
    requires transitive io.mvtrx.runtime.gentrx.data;

    uses io.mvtrx.api.spi.storage.StorageBackendProvider;

    exports io.mvtrx.runtime.gentrx.miner.agent;
    exports io.mvtrx.runtime.gentrx.miner.commitment;
    exports io.mvtrx.runtime.gentrx.miner.credentials;
    exports io.mvtrx.runtime.gentrx.miner.training;
}
