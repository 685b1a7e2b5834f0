package io.mvtrx.runtime.bittensor.axon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.runtime.bittensor.axon.internal.AxonHandler;
import io.mvtrx.runtime.bittensor.axon.payload.GenTrxAssignment;
import io.mvtrx.runtime.wire.miner.AgentHost;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * A miner's Bittensor axon: a Helidon WebServer answering {@code GET}/{@code POST /<SynapseClassName>} as the
 * Python axon does (bittensor.md §1), hosting a {@link TradingAgent} through the same {@link AgentHost} as the gRPC
 * miner. Every check happens before the agent is called; see {@code AxonHandler} for the order and status codes.
 *
 * <pre>
 * curl -X POST localhost:8091/Synapse   # 401: unsigned
 * </pre>
 *
 * <p>Thread-safe; {@link #close} stops the server and the agent thread.
 */
public final class Axon implements AutoCloseable {

    private final WebServer server;
    private final AgentHost host;
    private final AxonHandler handler;

    private Axon(WebServer server, AgentHost host, AxonHandler handler) {
        this.server = server;
        this.host = host;
        this.handler = handler;
    }

    /**
     * Starts serving {@code agent}.
     *
     * @param metagraph   who may call (blacklist) and their stake (priority)
     * @param clockNanos  wall clock in ns since the epoch (the nonce window's clock)
     * @param assignments receives GenTRX assignments that passed every check
     */
    public static Axon start(AxonConfig config, TradingAgent agent, MetagraphView metagraph, LongSupplier clockNanos,
                             Consumer<GenTrxAssignment> assignments) {
        return start(config, new AgentHost(agent, config.agentTimeout()), metagraph, clockNanos, assignments);
    }

    /** Starts with the system clock; GenTRX assignments go to the agent's {@code onAssignment}. */
    public static Axon start(AxonConfig config, TradingAgent agent, MetagraphView metagraph) {
        AgentHost host = new AgentHost(agent, config.agentTimeout());
        return start(config, host, metagraph, Axon::nowNanos,
                assignment -> host.assign(assignment.toTrainingAssignment()));
    }

    private static Axon start(AxonConfig config, AgentHost host, MetagraphView metagraph, LongSupplier clockNanos,
                              Consumer<GenTrxAssignment> assignments) {
        AxonHandler handler = new AxonHandler(config, host, metagraph, clockNanos, assignments);
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .maxPayloadSize(config.maxRequestBytes())
                .addRouting(HttpRouting.builder().any((req, res) -> serve(handler, req, res)))
                .build()
                .start();
        return new Axon(server, host, handler);
    }

    /** {@code time.time_ns()}: ns since the epoch. */
    public static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void serve(AxonHandler handler, ServerRequest req, ServerResponse res) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : req.headers()) {
            headers.put(header.name().toLowerCase(java.util.Locale.ROOT), header.get());
        }
        byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        AxonHandler.Answer answer = handler.handle(req.path().path(), headers, body);
        res.status(Status.create(answer.status()));
        answer.headers().forEach((name, value) -> res.header(HeaderNames.create(name), value));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(answer.body());
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** The agent host, with its counters. */
    public AgentHost agent() {
        return host;
    }

    /** Requests refused with {@code status} so far. */
    public long refused(int status) {
        return handler.refused(status);
    }

    /** Requests that passed every check and were forwarded. */
    public long forwarded() {
        return handler.forwarded();
    }

    @Override
    public void close() {
        server.stop();
        host.close();
    }
}
