package io.mvtrx.runtime.validator.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.simulator.Publication;
import io.mvtrx.runtime.wire.miner.AgentHost;

/**
 * Trading agents in this JVM, one per uid, each on its own thread under an {@link AgentHost} — the same host a miner
 * process runs its agent in, so an agent that throws, returns nothing or hangs is answered empty exactly as over the
 * network. Used by {@code mvtrx proxy} and tests.
 *
 * <p>Agents are called in parallel. A call gets the per-miner timeout (the host's); the whole query waits at most the
 * global timeout. The response time is the wall time from handing the state over to the answer, measured on the
 * caller's clock.
 */
public final class InProcessTransport implements MinerTransport {

    private final Map<Integer, AgentHost> hosts = new LinkedHashMap<>();
    private final Duration globalTimeout;

    /**
     * @param agents         agent per uid
     * @param perCallTimeout what one agent may take per publish
     * @param globalTimeout  what the whole query may take
     */
    public InProcessTransport(Map<Integer, TradingAgent> agents, Duration perCallTimeout, Duration globalTimeout) {
        if (globalTimeout.isNegative() || globalTimeout.isZero()) {
            throw new IllegalArgumentException("global timeout must be > 0, got " + globalTimeout);
        }
        this.globalTimeout = globalTimeout;
        agents.forEach((uid, agent) -> hosts.put(uid, new AgentHost(agent, perCallTimeout)));
    }

    /** Whether {@code uid} has an agent here. */
    public boolean serves(int uid) {
        return hosts.containsKey(uid);
    }

    @Override
    public List<MinerReply> query(Publication publication, List<Neuron> miners) {
        long start = System.nanoTime();
        List<CompletableFuture<MinerReply>> pending = new ArrayList<>(miners.size());
        for (Neuron miner : miners) {
            pending.add(call(miner.uid(), publication.updates().get(miner.uid()), start));
        }
        long deadline = start + globalTimeout.toNanos();
        List<MinerReply> replies = new ArrayList<>(miners.size());
        for (int i = 0; i < pending.size(); i++) {
            int uid = miners.get(i).uid();
            try {
                replies.add(pending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                replies.add(MinerReply.missing(uid, MinerReply.Outcome.TIMEOUT, System.nanoTime() - start,
                        "global deadline of " + globalTimeout.toMillis() + " ms passed"));
            } catch (ExecutionException e) {
                replies.add(MinerReply.missing(uid, MinerReply.Outcome.FAILED, System.nanoTime() - start,
                        "agent call failed: " + e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                replies.add(MinerReply.missing(uid, MinerReply.Outcome.FAILED, System.nanoTime() - start,
                        "validator interrupted"));
            }
        }
        return replies;
    }

    private CompletableFuture<MinerReply> call(int uid, StateUpdate update, long start) {
        AgentHost host = hosts.get(uid);
        if (host == null) {
            return CompletableFuture.completedFuture(MinerReply.missing(uid, MinerReply.Outcome.FAILED, 0,
                    "no in-process agent for uid " + uid));
        }
        if (update == null) {
            return CompletableFuture.completedFuture(MinerReply.missing(uid, MinerReply.Outcome.FAILED, 0,
                    "uid " + uid + " has no account in this simulation"));
        }
        // One call at a time per host, so its counters before and after tell how this call ended.
        long timeouts = host.timeouts();
        long failures = host.failures();
        return host.respond(uid, update).thenApply(response -> classify(uid, host, response, timeouts, failures,
                System.nanoTime() - start));
    }

    @Override
    public Set<Integer> assign(Map<Integer, TrainingAssignment> assignments, List<Neuron> miners) {
        Map<Integer, CompletableFuture<Boolean>> calls = new LinkedHashMap<>();
        for (Neuron miner : miners) {
            AgentHost host = hosts.get(miner.uid());
            TrainingAssignment assignment = assignments.get(miner.uid());
            if (host != null && assignment != null) {
                calls.put(miner.uid(), host.assign(assignment));
            }
        }
        Set<Integer> accepted = new java.util.TreeSet<>();
        calls.forEach((uid, call) -> {
            if (call.join()) {
                accepted.add(uid);
            }
        });
        return Set.copyOf(accepted);
    }

    private static MinerReply classify(int uid, AgentHost host, AgentResponse response, long timeoutsBefore,
                                       long failuresBefore, long nanos) {
        if (host.timeouts() > timeoutsBefore) {
            return MinerReply.missing(uid, MinerReply.Outcome.TIMEOUT, nanos,
                    "agent did not answer within " + host.timeout().toMillis() + " ms");
        }
        if (host.failures() > failuresBefore) {
            return MinerReply.missing(uid, MinerReply.Outcome.FAILED, nanos, "agent failed (see the log)");
        }
        return MinerReply.answered(uid, response, nanos);
    }

    @Override
    public void close() {
        hosts.values().forEach(AgentHost::close);
    }
}
