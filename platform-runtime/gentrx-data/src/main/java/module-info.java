/**
 * GenTRX training data: tick packets from the validator, their replay through a small matching engine into
 * 29-column training rows, fixed-row Parquet pages in a storage backend, the per-field tokenisation of rows, and the
 * windows and samplers training and scoring read them through.
 */
module io.mvtrx.runtime.gentrx.data {
    requires transitive io.mvtrx.api;
    requires transitive io.mvtrx.runtime.gentrx.storage;
    requires transitive io.mvtrx.runtime.parquet;

    exports io.mvtrx.runtime.gentrx.data.tick;
    exports io.mvtrx.runtime.gentrx.data.book;
    exports io.mvtrx.runtime.gentrx.data.ingest;
    exports io.mvtrx.runtime.gentrx.data.page;
    exports io.mvtrx.runtime.gentrx.data.token;
    exports io.mvtrx.runtime.gentrx.data.window;
}
