package io.mvtrx.runtime.wire.miner;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.runtime.metrics.PrometheusText;
import io.mvtrx.runtime.wire.Check;

import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.grpc.GrpcConfig;
import io.helidon.webserver.grpc.GrpcRouting;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

/**
 * A miner's server: one Helidon WebServer with the {@code Miner} gRPC service behind the
 * {@link RequestAuthenticator}, health under {@code /observe/health} and Prometheus metrics under {@code /metrics} on
 * the same port.
 *
 * <pre>
 * curl localhost:8091/observe/health
 * curl localhost:8091/metrics
 * </pre>
 * The server's gRPC read buffer is capped at the inbound limit plus {@link #ENVELOPE_ALLOWANCE}: a message within
 * the cap is parsed and refused by the authenticator's explicit size check, a larger one is never buffered.
 *
 * <p>Thread-safe; {@link #close} stops the server and the agent thread.
 */
public final class MinerServer implements AutoCloseable {

    /** Room above the inbound limit for the envelope and field tags, so the explicit check answers first. */
    public static final int ENVELOPE_ALLOWANCE = 4096;

    private final WebServer server;
    private final AgentHost host;
    private final RequestAuthenticator authenticator;
    private final MetagraphCache metagraph;

    private MinerServer(WebServer server, AgentHost host, RequestAuthenticator authenticator,
                        MetagraphCache metagraph) {
        this.server = server;
        this.host = host;
        this.authenticator = authenticator;
        this.metagraph = metagraph;
    }

    /**
     * Starts serving {@code agent} as {@code config.hotkey()}; callers are looked up on {@code chain}. The books are
     * kept in the process's {@link SharedBooks}, with every other miner of this JVM.
     */
    public static MinerServer start(MinerConfig config, TradingAgent agent, ChainBackend chain, InstantSource clock) {
        return start(config, agent, chain, clock, SharedBooks.process());
    }

    /**
     * As {@link #start(MinerConfig, TradingAgent, ChainBackend, InstantSource)}, keeping the books in {@code books}.
     */
    public static MinerServer start(MinerConfig config, TradingAgent agent, ChainBackend chain, InstantSource clock,
                                    SharedBooks books) {
        MetagraphCache metagraph = new MetagraphCache(chain, config.netuid(), config.metagraphRefresh(), clock);
        AgentHost host = new AgentHost(agent, config.agentTimeout());
        KeptAccounts kept = new KeptAccounts();
        RequestAuthenticator authenticator = new RequestAuthenticator(config.hotkey(), config.maxInboundBytes(),
                config.nonceWindow(), metagraph, clock);
        ObserveFeature observe = ObserveFeature.builder()
                .addObserver(HealthObserver.builder()
                        .details(true)
                        .addCheck(MinerHealth.metagraph(metagraph))
                        .addCheck(MinerHealth.agent(host, authenticator))
                        .build())
                .build();
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .addProtocol(GrpcConfig.builder()
                        .maxReadBufferSize(Math.addExact(config.maxInboundBytes(), ENVELOPE_ALLOWANCE))
                        .build())
                .addRouting(routing(new MinerService(host, config.maxInboundBytes(), config.maxOutboundBytes(), books,
                        kept),
                        authenticator))
                .routing(HttpRouting.builder().get("/metrics", (req, res) -> res
                        .header(HeaderNames.CONTENT_TYPE, PrometheusText.CONTENT_TYPE)
                        .send(metrics(host, authenticator, metagraph, books, kept))))
                .addFeature(observe)
                .build()
                .start();
        return new MinerServer(server, host, authenticator, metagraph);
    }

    static GrpcRouting.Builder routing(MinerService service, RequestAuthenticator authenticator) {
        return GrpcRouting.builder()
                .config(Config.empty())
                .intercept(authenticator)
                .service(service);
    }

    /**
     * The Prometheus text of the miner's counters: agent calls and their times, requests by check outcome, and the
     * process's books cache, and the accounts this miner keeps for open orders sent as changes.
     */
    static String metrics(AgentHost host, RequestAuthenticator authenticator, MetagraphCache metagraph,
                          SharedBooks books, KeptAccounts kept) {
        Map<String, Long> rejected = new LinkedHashMap<>();
        for (Check check : Check.values()) {
            rejected.put(check.trailerValue(), authenticator.rejected(check));
        }
        return new PrometheusText("mvtrx_miner_")
                .counter("requests_accepted", "signed requests that passed every check", authenticator.accepted())
                .counter("requests_rejected", "requests refused, by the check they failed", "check", rejected)
                .counter("agent_calls", "agent calls made (state updates and notice batches)", host.calls())
                .counter("agent_failures", "agent calls that threw (answered empty)", host.failures())
                .counter("agent_timeouts", "agent calls that ran out of time (answered empty)", host.timeouts())
                .histogram("agent_call_seconds", "wall time per agent call", host.callSeconds())
                .gauge("agent_busy_seconds", "how long the running agent call has been running (0 idle)",
                        host.busyFor().toNanos() / 1e9)
                .gauge("metagraph_neurons", "neurons in the metagraph copy callers are checked against",
                        metagraph.size())
                .gauge("metagraph_loaded", "1 once the metagraph has been read", metagraph.loadedAt().isPresent()
                        ? 1 : 0)
                .counter("books_decoded", "step books decoded, once per validator and hash (all miners of the process)",
                        books.decoded())
                .counter("books_named", "requests naming their books by hash (all miners of the process)",
                        books.named())
                .counter("books_unknown", "requests whose named books did not reach the process in time (all "
                        + "miners of the process)", books.unknown())
                .counter("accounts_changes", "requests whose open orders came as changes to accounts kept here",
                        kept.found())
                .counter("accounts_unknown", "requests naming an accounts base not kept here (answered unknown, "
                        + "sent whole again)", kept.unknown())
                .toString();
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** The request gate, with its counters. */
    public RequestAuthenticator authenticator() {
        return authenticator;
    }

    /** The agent host, with its counters. */
    public AgentHost agent() {
        return host;
    }

    /** The metagraph copy callers are checked against. */
    public MetagraphCache metagraph() {
        return metagraph;
    }

    @Override
    public void close() {
        server.stop();
        host.close();
    }
}
