package io.mvtrx.runtime.validator.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.bittensor.axon.Dendrite;
import io.mvtrx.runtime.bittensor.axon.StateSynapse;
import io.mvtrx.runtime.bittensor.axon.SynapseType;
import io.mvtrx.runtime.bittensor.axon.payload.Compression;
import io.mvtrx.runtime.bittensor.axon.payload.GenTrxAssignment;
import io.mvtrx.runtime.bittensor.axon.payload.PayloadException;
import io.mvtrx.runtime.simulator.Publication;

/**
 * Miners on Bittensor: each publish goes to every axon as a τaos {@code MarketSimulationStateUpdate} through a
 * {@link Dendrite}, the books part compressed once and shared, exactly as the Python validator queries them — so
 * Python miners and Java axons answer alike. Calls run in parallel on virtual threads; one call is bounded by the
 * per-miner timeout (the dendrite's HTTP timeout), the whole query by the global timeout.
 *
 * <p>Outcomes: 200 with a readable response for the uid → ANSWERED; 408 → TIMEOUT; 401/403 → REFUSED; anything else,
 * an axon of {@code 0.0.0.0} (not serving), or a response for another uid → FAILED.
 */
public final class BittensorTransport implements MinerTransport {

    private final Dendrite dendrite;
    private final Duration perCallTimeout;
    private final Duration globalTimeout;
    private final Compression codec;
    private final int maxResponseBytes;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param dendrite         signs and sends; closed with this transport
     * @param perCallTimeout   τaos {@code --neuron.timeout} (3 s)
     * @param globalTimeout    τaos {@code --neuron.global_query_timeout} (4 s)
     * @param codec            compression of the state parts (τaos default lz4)
     * @param maxResponseBytes largest decompressed answer accepted
     */
    public BittensorTransport(Dendrite dendrite, Duration perCallTimeout, Duration globalTimeout, Compression codec,
                              int maxResponseBytes) {
        if (globalTimeout.isNegative() || globalTimeout.isZero() || perCallTimeout.isNegative()
                || perCallTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be > 0");
        }
        this.dendrite = dendrite;
        this.perCallTimeout = perCallTimeout;
        this.globalTimeout = globalTimeout;
        this.codec = codec;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public List<MinerReply> query(Publication publication, List<Neuron> miners) {
        long start = System.nanoTime();
        String books = null;
        List<Future<MinerReply>> pending = new ArrayList<>(miners.size());
        for (Neuron miner : miners) {
            StateUpdate update = publication.updates().get(miner.uid());
            if (update != null && books == null) {
                books = StateSynapse.booksPart(update, codec);
            }
            String sharedBooks = books;
            pending.add(calls.submit(() -> call(miner, update, sharedBooks)));
        }
        long deadline = start + globalTimeout.toNanos();
        List<MinerReply> replies = new ArrayList<>(miners.size());
        for (int i = 0; i < pending.size(); i++) {
            int uid = miners.get(i).uid();
            try {
                replies.add(pending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                pending.get(i).cancel(true);
                replies.add(MinerReply.missing(uid, MinerReply.Outcome.TIMEOUT, System.nanoTime() - start,
                        "global deadline of " + globalTimeout.toMillis() + " ms passed"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                replies.add(MinerReply.missing(uid, MinerReply.Outcome.FAILED, System.nanoTime() - start,
                        "validator interrupted"));
            } catch (java.util.concurrent.ExecutionException e) {
                replies.add(MinerReply.missing(uid, MinerReply.Outcome.FAILED, System.nanoTime() - start,
                        "query failed: " + e.getCause()));
            }
        }
        return replies;
    }

    private MinerReply call(Neuron miner, StateUpdate update, String books) {
        int uid = miner.uid();
        if (update == null) {
            return MinerReply.missing(uid, MinerReply.Outcome.FAILED, 0, "uid " + uid + " has no account in this"
                    + " simulation");
        }
        Dendrite.AxonTarget target;
        try {
            target = Dendrite.AxonTarget.parse(miner.axon(), miner.hotkey());
        } catch (IllegalArgumentException e) {
            return MinerReply.missing(uid, MinerReply.Outcome.FAILED, 0, e.getMessage());
        }
        if (target.ip().equals("0.0.0.0")) {
            return MinerReply.missing(uid, MinerReply.Outcome.FAILED, 0, "axon 0.0.0.0: not serving");
        }
        Dendrite.Reply reply = dendrite.call(target, SynapseType.MARKET_SIMULATION_STATE_UPDATE,
                StateSynapse.fields(uid, update, books, codec), perCallTimeout);
        long nanos = reply.processNanos();
        String detail = reply.statusCode() + ": " + reply.statusMessage();
        if (reply.success()) {
            try {
                AgentResponse response = StateSynapse.response(reply, update.simulation().decimals(),
                        maxResponseBytes);
                if (response.agentId() != uid) {
                    return MinerReply.missing(uid, MinerReply.Outcome.FAILED, nanos,
                            "response is for agent " + response.agentId() + ", not uid " + uid);
                }
                return MinerReply.answered(uid, response, nanos);
            } catch (PayloadException e) {
                return MinerReply.missing(uid, MinerReply.Outcome.FAILED, nanos, "unreadable response: "
                        + e.getMessage());
            }
        }
        return switch (reply.statusCode()) {
            case 408 -> MinerReply.missing(uid, MinerReply.Outcome.TIMEOUT, nanos, detail);
            case 401, 403 -> MinerReply.missing(uid, MinerReply.Outcome.REFUSED, nanos, detail);
            default -> MinerReply.missing(uid, MinerReply.Outcome.FAILED, nanos, detail);
        };
    }

    /** GenTRXAssignment synapses, one signed body per miner (the reference sends the first miner's to all). */
    @Override
    public Set<Integer> assign(Map<Integer, TrainingAssignment> assignments, List<Neuron> miners) {
        Map<Integer, Future<Boolean>> sent = new LinkedHashMap<>();
        for (Neuron miner : miners) {
            TrainingAssignment assignment = assignments.get(miner.uid());
            if (assignment == null) {
                continue;
            }
            sent.put(miner.uid(), calls.submit(() -> {
                Dendrite.AxonTarget target = Dendrite.AxonTarget.parse(miner.axon(), miner.hotkey());
                return !target.ip().equals("0.0.0.0") && dendrite.call(target, SynapseType.GENTRX_ASSIGNMENT,
                        GenTrxAssignment.of(assignment).fields(), perCallTimeout).success();
            }));
        }
        Set<Integer> accepted = new java.util.TreeSet<>();
        sent.forEach((uid, future) -> {
            try {
                if (future.get(globalTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    accepted.add(uid);
                }
            } catch (ExecutionException | TimeoutException e) {
                future.cancel(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
            }
        });
        return Set.copyOf(accepted);
    }

    @Override
    public void close() {
        calls.shutdownNow();
        dendrite.close();
    }
}
