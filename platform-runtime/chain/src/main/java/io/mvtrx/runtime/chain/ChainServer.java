package io.mvtrx.runtime.chain;

import java.io.IOException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.runtime.metrics.Histogram;
import io.mvtrx.runtime.metrics.PrometheusText;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

/**
 * {@code mvtrx chain}: one WebServer serving {@link ChainHttpService} under {@code /chain}, health under
 * {@code /observe/health} (readiness: the backend answers its block height) and Prometheus metrics under
 * {@code /metrics} (requests by status, request times, block height).
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
        RequestCounts counts = new RequestCounts();
        return HttpRouting.builder()
                .addFilter((next, req, res) -> {
                    long began = System.nanoTime();
                    try {
                        next.proceed();
                    } finally {
                        counts.record(res.status().code(), System.nanoTime() - began);
                    }
                })
                .register("/chain", new ChainHttpService(chain, InstantSource.system()))
                .get("/metrics", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, PrometheusText.CONTENT_TYPE)
                        .send(metrics(chain, counts)));
    }

    /** The Prometheus text: requests by status and their times, the block height (NaN when unreadable). */
    static String metrics(ChainBackend chain, RequestCounts counts) {
        double block;
        try {
            block = chain.blockHeight();
        } catch (IOException | RuntimeException e) {
            counts.backendError();
            block = Double.NaN;
        }
        return new PrometheusText("mvtrx_chain_")
                .counter("requests", "HTTP requests answered, by status code", "status", counts.byStatus())
                .histogram("request_seconds", "wall time per HTTP request", counts.seconds())
                .counter("backend_errors", "block-height reads of the backend that failed (scrapes)",
                        counts.backendErrors())
                .gauge("block_height", "the chain's block height (NaN when the backend does not answer)", block)
                .toString();
    }

    /** Requests by status code and their wall times; thread-safe. */
    static final class RequestCounts {
        private final ConcurrentSkipListMap<Integer, LongAdder> byStatus = new ConcurrentSkipListMap<>();
        private final Histogram seconds = Histogram.seconds();
        private final LongAdder backendErrors = new LongAdder();

        void record(int status, long nanos) {
            byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
            seconds.observeNanos(nanos);
        }

        void backendError() {
            backendErrors.increment();
        }

        Map<String, Long> byStatus() {
            Map<String, Long> out = new LinkedHashMap<>();
            byStatus.forEach((status, count) -> out.put(Integer.toString(status), count.sum()));
            return out;
        }

        Histogram.Snapshot seconds() {
            return seconds.snapshot();
        }

        long backendErrors() {
            return backendErrors.sum();
        }
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
