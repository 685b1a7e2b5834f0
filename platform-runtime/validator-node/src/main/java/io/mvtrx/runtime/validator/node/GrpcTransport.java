package io.mvtrx.runtime.validator.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Map;

import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.account.Account;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.simulator.Publication;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.MinerResult;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.Step;

/**
 * Miners over the signed gRPC wire ({@link Fanout}, doc/wire.md): the books are encoded once per publish and every
 * miner's request signed for its hotkey; deadlines are the fan-out's per-call and global timeouts. A neuron whose
 * axon is not {@code host:port} is reported {@code FAILED} without a call.
 */
public final class GrpcTransport implements MinerTransport {

    private final Fanout fanout;

    /** Queries through {@code fanout}, which this transport closes. */
    public GrpcTransport(Fanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public List<MinerReply> query(Publication publication, List<Neuron> miners) {
        return query(publication, miners, () -> { });
    }

    @Override
    public List<MinerReply> query(Publication publication, List<Neuron> miners, Runnable whileWaiting) {
        MinerReply[] replies = new MinerReply[miners.size()];
        List<MinerTarget> targets = new ArrayList<>(miners.size());
        List<Integer> slots = new ArrayList<>(miners.size());
        Map<Integer, Map<Integer, Account>> accounts = new HashMap<>();
        Map<Integer, List<Notice>> notices = new HashMap<>();
        for (int i = 0; i < miners.size(); i++) {
            Neuron miner = miners.get(i);
            StateUpdate update = publication.updates().get(miner.uid());
            if (update == null) {
                replies[i] = MinerReply.missing(miner.uid(), MinerReply.Outcome.FAILED, 0,
                        "uid " + miner.uid() + " has no account in this simulation");
                continue;
            }
            try {
                targets.add(MinerTarget.of(miner.uid(), miner.hotkey(), miner.axon()));
            } catch (IllegalArgumentException e) {
                replies[i] = MinerReply.missing(miner.uid(), MinerReply.Outcome.FAILED, 0, e.getMessage());
                continue;
            }
            slots.add(i);
            accounts.put(miner.uid(), update.accounts());
            notices.put(miner.uid(), update.notices());
        }
        if (!targets.isEmpty()) {
            Step step = new Step(publication.timestamp(), publication.simulation(), publication.books(), accounts,
                    notices);
            List<MinerResult> results = fanout.query(step, targets, whileWaiting);
            for (int k = 0; k < results.size(); k++) {
                replies[slots.get(k)] = reply(results.get(k));
            }
        } else {
            whileWaiting.run();
        }
        return List.of(replies);
    }

    @Override
    public Set<Integer> assign(Map<Integer, TrainingAssignment> assignments, List<Neuron> miners) {
        Set<Integer> accepted = ConcurrentHashMap.newKeySet();
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Neuron miner : miners) {
                TrainingAssignment assignment = assignments.get(miner.uid());
                if (assignment == null) {
                    continue;
                }
                calls.execute(() -> {
                    try {
                        MinerTarget target = MinerTarget.of(miner.uid(), miner.hotkey(), miner.axon());
                        if (fanout.assign(target, assignment).accepted()) {
                            accepted.add(miner.uid());
                        }
                    } catch (IllegalArgumentException e) {
                        // an axon that is not host:port cannot be reached; the miner simply gets no assignment
                    }
                });
            }
        }
        return Set.copyOf(accepted);
    }

    private static MinerReply reply(MinerResult result) {
        long nanos = Math.max(0, result.responseNanos());
        String detail = result.code() + (result.description().isEmpty() ? "" : ": " + result.description());
        return switch (result.kind()) {
            case OK -> MinerReply.answered(result.uid(), result.response(), nanos);
            case TIMEOUT -> MinerReply.missing(result.uid(), MinerReply.Outcome.TIMEOUT, nanos, detail);
            case REJECTED -> MinerReply.missing(result.uid(), MinerReply.Outcome.REFUSED, nanos,
                    result.check().map(c -> "refused at check " + c + ": ").orElse("") + detail);
            case FAILED -> MinerReply.missing(result.uid(), MinerReply.Outcome.FAILED, nanos, detail);
        };
    }

    @Override
    public void close() {
        fanout.close();
    }
}
