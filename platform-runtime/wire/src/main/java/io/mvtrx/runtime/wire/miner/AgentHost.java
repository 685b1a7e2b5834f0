package io.mvtrx.runtime.wire.miner;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.metrics.Histogram;

/**
 * Runs one {@link TradingAgent} on its own thread, one call at a time as the SPI promises, and never lets it take
 * the server down: a call that throws or outlives the agent timeout is answered with an empty response, logged once
 * with its cause and counted; a timed-out call is interrupted. Calls queue in arrival order, and the timeout runs
 * from arrival, so a hung agent makes each later call time out too rather than pile up work.
 *
 * <p>Lifecycle: the first state of a simulation (a new simulation id) calls {@code end()} for the previous one if
 * it was started, then {@code start(agentId, simulation)}; a {@link SimulationEnded} notice calls {@code end()}
 * after {@code onNotice}. Everything the agent sees happens on the agent thread.
 *
 * <p>Thread-safe: any thread may submit.
 */
public final class AgentHost implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AgentHost.class.getName());

    private final TradingAgent agent;
    private final Duration timeout;
    private final LongSupplier nanoClock;
    private final ExecutorService thread;

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    /** nanoClock reading when the running call began, or 0 while idle. */
    private final AtomicLong busySince = new AtomicLong();
    private final Histogram callSeconds = Histogram.seconds();

    // Confined to the agent thread.
    private String simulationId;

    /** Hosts {@code agent}; a call taking longer than {@code timeout} from arrival is answered empty. */
    public AgentHost(TradingAgent agent, Duration timeout) {
        this(agent, timeout, System::nanoTime);
    }

    AgentHost(TradingAgent agent, Duration timeout, LongSupplier nanoClock) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("agent timeout must be > 0, got " + timeout);
        }
        this.agent = agent;
        this.timeout = timeout;
        this.nanoClock = nanoClock;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("mvtrx-agent").daemon().factory());
    }

    /**
     * Hands a state update to the agent. The future always completes normally: with the agent's response, or with
     * an empty response for {@code agentId} when the agent failed or ran out of time.
     */
    public CompletableFuture<AgentResponse> respond(int agentId, StateUpdate state) {
        return submit("respond", AgentResponse.empty(agentId), () -> {
            String id = state.simulation().simulationId();
            if (!id.equals(simulationId)) {
                if (simulationId != null) {
                    agent.end();
                }
                simulationId = id;
                agent.start(agentId, state.simulation());
            }
            AgentResponse response = agent.respond(state);
            if (response == null) {
                throw new IllegalStateException("agent returned no response");
            }
            return response;
        });
    }

    /** Hands notices that arrived between publishes to the agent; completes with how many it took. */
    public CompletableFuture<Integer> notify(List<Notice> notices) {
        return submit("onNotice", 0, () -> {
            int delivered = 0;
            for (Notice notice : notices) {
                agent.onNotice(notice);
                delivered++;
                if (notice instanceof SimulationEnded && simulationId != null) {
                    simulationId = null;
                    agent.end();
                }
            }
            return delivered;
        });
    }

    /**
     * Hands a GenTRX training assignment to the agent, which only queues it (it trains on a thread of its own);
     * completes with whether the agent took it without failing in time.
     */
    public CompletableFuture<Boolean> assign(TrainingAssignment assignment) {
        return submit("onAssignment", false, () -> {
            agent.onAssignment(assignment);
            return true;
        });
    }

    /** Agent calls made (respond, notice batches and assignments). */
    public long calls() {
        return calls.get();
    }

    /** Calls that threw. */
    public long failures() {
        return failures.get();
    }

    /** Calls answered empty because the agent ran out of time. */
    public long timeouts() {
        return timeouts.get();
    }

    /** How long the running call has been running, or zero while idle. */
    public Duration busyFor() {
        long since = busySince.get();
        return since == 0 ? Duration.ZERO : Duration.ofNanos(nanoClock.getAsLong() - since);
    }

    /** Wall time per agent call, finished calls (a timed-out call counts when it ends or is interrupted). */
    public Histogram.Snapshot callSeconds() {
        return callSeconds.snapshot();
    }

    /** The per-call timeout. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private interface AgentCall<T> {
        T run() throws Exception;
    }

    private <T> CompletableFuture<T> submit(String what, T fallback, AgentCall<T> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        FutureTask<Void> task = new FutureTask<>(() -> {
            calls.incrementAndGet();
            long began = nanoClock.getAsLong();
            busySince.set(Math.max(1, began));
            try {
                answer.complete(call.run());
            } catch (Throwable e) {
                if (!answer.isDone()) {
                    failures.incrementAndGet();
                    LOG.log(System.Logger.Level.WARNING,
                            String.format("agent %s failed, answering empty: %s", what, e), e);
                }
                answer.complete(fallback);
            } finally {
                busySince.set(0);
                callSeconds.observeNanos(nanoClock.getAsLong() - began);
            }
            return null;
        });
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(fallback);
        }
        return answer.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).handle((value, error) -> {
            if (error == null) {
                return value;
            }
            if (error instanceof TimeoutException) {
                timeouts.incrementAndGet();
                task.cancel(true);
                LOG.log(System.Logger.Level.WARNING, String.format(
                        "agent %s did not answer within %d ms, answering empty", what, timeout.toMillis()));
            }
            return fallback;
        });
    }
}
