/**
 * The exchange engine: many books under one matching rule, accounts with reservations, settlement with fees,
 * leverage and loans, the L3 event stream and L2 snapshots, and the {@code replay} command's engine.
 * Only the entry package and the replay package are exported; the pipeline stages stay internal.
 */
module io.mvtrx.runtime.exchange {
    requires transitive io.mvtrx.api;

    exports io.mvtrx.runtime.exchange;
    exports io.mvtrx.runtime.exchange.replay;
}
