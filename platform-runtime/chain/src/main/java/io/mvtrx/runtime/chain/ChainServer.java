package io.mvtrx.runtime.chain;

import java.time.InstantSource;

import io.mvtrx.api.spi.chain.ChainBackend;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

/**
 * {@code mvtrx chain}: one WebServer serving {@link ChainHttpService} under {@code /chain} and health under
 * {@code /observe/health} (readiness: the backend answers its block height).
 */
public final class ChainServer implements AutoCloseable {

    private final WebServer server;

    private ChainServer(WebServer server) {
        this.server = server;
    }

    /** Starts serving {@code chain} on {@code host:port} (port 0 picks a free one). */
    public static ChainServer start(ChainBackend chain, String host, int port) {
        ObserveFeature observe = ObserveFeature.builder()
                .addObserver(HealthObserver.builder()
                        .addCheck(() -> {
                            try {
                                return HealthCheckResponse.builder().status(true)
                                        .detail("block", chain.blockHeight()).build();
                            } catch (Exception e) {
                                return HealthCheckResponse.builder().status(false)
                                        .detail("error", String.valueOf(e.getMessage())).build();
                            }
                        }, HealthCheckType.READINESS, "chain")
                        .build())
                .build();
        WebServer server = WebServer.builder()
                .host(host)
                .port(port)
                .addFeature(observe)
                .routing(routing(chain))
                .build()
                .start();
        return new ChainServer(server);
    }

    static HttpRouting.Builder routing(ChainBackend chain) {
        return HttpRouting.builder().register("/chain", new ChainHttpService(chain, InstantSource.system()));
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
