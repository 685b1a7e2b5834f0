package io.mvtrx.runtime.validator.node;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.runtime.simulator.Publication;

/**
 * How the validator loop reaches miners: one call per publish hands the state to every serving miner and collects
 * their answers. The loop is the same whatever is behind it — agents in this JVM ({@link InProcessTransport}), miners
 * over signed gRPC ({@link GrpcTransport}), or a Bittensor transport.
 *
 * <p>A transport owns the deadlines: no miner is waited for longer than its per-miner timeout, the whole call
 * returns within the global timeout (plus a small grace to collect), and a miner that did not answer in time gets a
 * {@link MinerReply.Outcome#TIMEOUT} reply with no instructions. It never throws for one miner's failure.
 *
 * <p>Called from the simulation's thread, one publish at a time.
 */
public interface MinerTransport extends AutoCloseable {

    /**
     * Sends the publication to {@code miners} — each receives the shared books and its own accounts and notices
     * ({@code publication.updates().get(uid)}) — and returns exactly one reply per miner, in the order given.
     *
     * @param miners the miners to query; every uid has an update in the publication
     */
    List<MinerReply> query(Publication publication, List<Neuron> miners);

    /**
     * As {@link #query(Publication, List)}, running {@code whileWaiting} — work of the caller's that needs none of the
     * answers — on the calling thread once every request is out, while the miners answer; a transport that cannot
     * tell when that is runs it first. It runs exactly once before this returns; if it throws, that is thrown.
     */
    default List<MinerReply> query(Publication publication, List<Neuron> miners, Runnable whileWaiting) {
        whileWaiting.run();
        return query(publication, miners);
    }

    /**
     * Delivers GenTRX training assignments — each miner its own — to those of {@code miners} that have one, all at
     * once, and returns the uids whose agent took theirs. Never throws for one miner's failure. A transport that
     * cannot carry assignments delivers none.
     */
    default Set<Integer> assign(Map<Integer, TrainingAssignment> assignments, List<Neuron> miners) {
        return Set.of();
    }

    /** Releases threads and connections. */
    @Override
    void close();
}
