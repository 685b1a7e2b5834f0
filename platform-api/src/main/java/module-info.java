/**
 * The MVTRX platform API: the domain model (scaled-long numbers, orders, instructions, L3 events, notices,
 * accounts, state) and every extension point. No dependencies beyond the JDK.
 */
module io.mvtrx.api {
    exports io.mvtrx.api;
    exports io.mvtrx.api.account;
    exports io.mvtrx.api.book;
    exports io.mvtrx.api.collect;
    exports io.mvtrx.api.event;
    exports io.mvtrx.api.gentrx;
    exports io.mvtrx.api.instruction;
    exports io.mvtrx.api.notice;
    exports io.mvtrx.api.number;
    exports io.mvtrx.api.order;
    exports io.mvtrx.api.settings;
    exports io.mvtrx.api.snapshot;
    exports io.mvtrx.api.state;
    exports io.mvtrx.api.spi;
    exports io.mvtrx.api.spi.agentmodel;
    exports io.mvtrx.api.spi.balances;
    exports io.mvtrx.api.spi.chain;
    exports io.mvtrx.api.spi.fees;
    exports io.mvtrx.api.spi.matching;
    exports io.mvtrx.api.spi.matching.support;
    exports io.mvtrx.api.spi.process;
    exports io.mvtrx.api.spi.scoring;
    exports io.mvtrx.api.spi.storage;
    exports io.mvtrx.api.spi.trading;
    exports io.mvtrx.api.spi.trading.support;
}
