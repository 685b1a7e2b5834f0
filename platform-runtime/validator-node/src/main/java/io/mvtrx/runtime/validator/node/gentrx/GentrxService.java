package io.mvtrx.runtime.validator.node.gentrx;

import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.runtime.dashboard.GentrxStatus;
import io.mvtrx.runtime.gentrx.validator.AssignmentPlanner;
import io.mvtrx.runtime.gentrx.validator.GentrxRewards;
import io.mvtrx.runtime.gentrx.validator.GentrxRounds;
import io.mvtrx.runtime.gentrx.validator.GradientServerClient;
import io.mvtrx.runtime.gentrx.validator.RoundScores;
import io.mvtrx.runtime.simulator.Publication;
import io.mvtrx.runtime.validator.node.MinerTransport;
import io.mvtrx.runtime.validator.node.ValidatorLoop;

/**
 * The validator's GenTRX side, off the step loop (gentrx.md §2.3): the loop hands each publish over in O(1); a thread
 * of its own encodes it as a tick and pushes it to the gradient server (a bounded queue that drops the oldest when the
 * server falls behind, as the reference does without a spool), opens rounds on the block cadence and delivers each
 * miner its assignment through the validator's transport, and folds scored rounds into the rewards. At weight setting
 * the loop blends the GenTRX share in ({@link #blend}).
 *
 * <p>Thread-safe: {@link #onPublish} and {@link #blend} from the loop, everything else on the service's thread.
 */
public final class GentrxService implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GentrxService.class.getName());

    /** Publishes waiting to be pushed; the oldest is dropped beyond this (the reference's queue of 256). */
    public static final int QUEUE = 256;

    /** One publish as the loop saw it. */
    private record Pending(Publication publication, long block, List<Neuron> miners) {
    }

    private final GradientServerClient server;
    private final GentrxRounds rounds;
    private final GentrxRewards rewards;
    private final double simulationShare;
    /** The miners of the publish being handled: who the round's assignments go to. Service thread only. */
    private List<Neuron> currentMiners = List.of();
    private final TickPackets ticks = new TickPackets();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Deque<Pending> queue = new ArrayDeque<>();
    private boolean closed;

    private final AtomicLong pushed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong pushFailures = new AtomicLong();
    private final AtomicReference<String> lastProblem = new AtomicReference<>("");
    private final AtomicReference<GentrxRounds.Outcome> lastOutcome = new AtomicReference<>();
    private final Thread worker;
    private long maxTs;

    /**
     * @param transport       how assignments reach the miners (the validator's own transport)
     * @param data            how miners read the pages of the validator's bucket
     * @param simulationShare the most of the weights GenTRX may take, scaled by participation (reference 0.05)
     */
    public GentrxService(GradientServerClient server, GentrxRewards rewards, MinerTransport transport,
                         GentrxRounds.Settings settings, BucketAccess data, int validatorUid, InstantSource clock,
                         double simulationShare) {
        if (!(simulationShare >= 0 && simulationShare <= 1)) {
            throw new IllegalArgumentException("GenTRX simulation share must be in [0, 1], got " + simulationShare);
        }
        this.server = server;
        this.rewards = rewards;
        this.rounds = new GentrxRounds(server, new AssignmentPlanner(), rewards,
                assignments -> transport.assign(assignments, currentMiners), settings, data, validatorUid, clock);
        this.simulationShare = simulationShare;
        this.worker = Thread.ofPlatform().name("mvtrx-gentrx").daemon().start(this::run);
    }

    /** Follows {@code loop}: every publish is handed over, and every weight setting gets the GenTRX share. */
    public void attach(ValidatorLoop loop) {
        loop.addObserver((simulation, publication, replies, stats) -> onPublish(publication, loop.blockHeight(),
                loop.servingMiners()));
        loop.setWeightBlender(new ValidatorLoop.WeightBlender() {
            @Override
            public Map<Integer, Double> blend(Map<Integer, Double> tradingWeights, int uidCount, int servingMiners) {
                return GentrxService.this.blend(tradingWeights, uidCount, servingMiners);
            }

            @Override
            public void reset(int uid) {
                GentrxService.this.reset(uid);
            }
        });
    }

    /** Hands a publish over; never blocks the loop. */
    public void onPublish(Publication publication, long block, List<Neuron> miners) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (queue.size() == QUEUE) {
                queue.removeFirst();
                dropped.incrementAndGet();
            }
            queue.addLast(new Pending(publication, block, List.copyOf(miners)));
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The weights with the GenTRX share blended in (gentrx.md §9): the trading weights keep {@code 1 − share} and
     * GenTRX takes {@code share} scaled by the fraction of serving miners with a positive GenTRX score. Advances the
     * slow GenTRX EMA once (call it once per weight setting).
     *
     * @param servingMiners how many uids serve an axon, the validator excluded
     */
    public Map<Integer, Double> blend(Map<Integer, Double> tradingWeights, int uidCount, int servingMiners) {
        double[] gentrx;
        synchronized (rewards) {
            gentrx = rewards.onRewardComputation();
        }
        double[] trading = new double[Math.max(uidCount, gentrx.length)];
        tradingWeights.forEach((uid, weight) -> {
            if (uid >= 0 && uid < trading.length) {
                trading[uid] = weight;
            }
        });
        double[] gentrxScores = new double[trading.length];
        System.arraycopy(gentrx, 0, gentrxScores, 0, Math.min(gentrx.length, trading.length));
        double[] blended = GentrxRewards.weights(trading, gentrxScores, servingMiners, simulationShare, 0, 0);
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int uid = 0; uid < blended.length; uid++) {
            if (blended[uid] > 0) {
                out.put(uid, blended[uid]);
            }
        }
        return out;
    }

    /** A deregistered uid starts its GenTRX score again from zero. */
    public void reset(int uid) {
        synchronized (rewards) {
            if (uid >= 0 && uid < rewards.rankEma().length) {
                rewards.reset(uid);
            }
        }
    }

    public long pushed() {
        return pushed.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long pushFailures() {
        return pushFailures.get();
    }

    /** The last problem talking to the gradient server, empty when the last call went well. */
    public String lastProblem() {
        return lastProblem.get();
    }

    /** What the last round check did, if one ran. */
    public Optional<GentrxRounds.Outcome> lastOutcome() {
        return Optional.ofNullable(lastOutcome.get());
    }

    public long currentRound() {
        return rounds.currentRound();
    }

    public long lastScoredRound() {
        return rounds.lastScoredRound();
    }

    /** The last scored round read from the server, if any. */
    public Optional<RoundScores> lastScores() {
        return rounds.lastScores();
    }

    /** The open round and the last scored one, for the dashboard. */
    public GentrxStatus status() {
        Optional<RoundScores> last = rounds.lastScores();
        return new GentrxStatus(rounds.currentRound(), rounds.lastScoredRound(),
                last.map(RoundScores::modelVersion).orElse(-1L), last.map(r -> r.scores().size()).orElse(0),
                last.map(RoundScores::accepted).orElse(0), last.map(RoundScores::lossBefore).orElse(Double.NaN),
                last.map(RoundScores::lossAfter).orElse(Double.NaN), last.map(RoundScores::rolledBack).orElse(false));
    }

    /**
     * Ends the run's GenTRX side: pushes what is queued, stops, then reads every round the server scored since the
     * last poll, so that the final weights count the last rounds. For a run that ends (localnet); a validator that
     * keeps serving never calls it.
     *
     * @return the scored rounds read
     */
    public int settle() throws IOException, InterruptedException {
        close();
        int read = 0;
        while (true) {
            synchronized (rewards) {
                if (rounds.pollScoresNow().isEmpty()) {
                    return read;
                }
            }
            read++;
        }
    }

    /** The slow GenTRX score per uid, as the last weight setting left it. */
    public double[] scores() {
        synchronized (rewards) {
            return rewards.slowScores();
        }
    }

    private void run() {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    arrived.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return;
                }
                batch.addAll(queue);
                queue.clear();
            } finally {
                lock.unlock();
            }
            for (Pending pending : batch) {
                handle(pending);
            }
        }
    }

    private void handle(Pending pending) {
        try {
            server.pushState(ticks.encode(pending.publication()));
            pushed.incrementAndGet();
            maxTs = Math.max(maxTs, pending.publication().timestamp());
            currentMiners = pending.miners();
            List<Integer> uids = currentMiners.stream().map(Neuron::uid).toList();
            GentrxRounds.Outcome outcome = rounds.onState(pending.block(), maxTs, uids);
            lastOutcome.set(outcome);
            synchronized (rewards) {
                rounds.pollScores();
            }
            if (!lastProblem.getAndSet("").isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "GenTRX: the gradient server answers again");
            }
        } catch (IOException e) {
            pushFailures.incrementAndGet();
            problem(e.getMessage() != null ? e.getMessage() : e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            problem(e.toString(), e);
        }
    }

    /** Logs a problem once while it lasts: a server that is down fails every publish, one line is enough. */
    private void problem(String message, Throwable cause) {
        if (!message.equals(lastProblem.getAndSet(message))) {
            LOG.log(System.Logger.Level.WARNING, "GenTRX: " + message + " (logged once while it lasts; counted in "
                    + "mvtrx_validator_gentrx_push_failures)", cause);
        }
    }

    /** Stops after pushing what is queued. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
