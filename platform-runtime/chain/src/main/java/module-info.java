/** The chain service: serves a ChainBackend over HTTP ({@code mvtrx chain}) and the matching remote client. */
module io.mvtrx.runtime.chain {
    requires transitive io.mvtrx.api;
    requires io.mvtrx.runtime.metrics;
    requires io.mvtrx.runtime.wallet;
    requires io.helidon.webserver;
    requires io.helidon.http;
    requires io.helidon.webserver.observe;
    requires io.helidon.webserver.observe.health;
    requires io.helidon.health;
    requires jakarta.json;
    requires java.net.http;

    exports io.mvtrx.runtime.chain;

    provides io.mvtrx.api.spi.chain.ChainBackendProvider with io.mvtrx.runtime.chain.RemoteChainProvider;
}
