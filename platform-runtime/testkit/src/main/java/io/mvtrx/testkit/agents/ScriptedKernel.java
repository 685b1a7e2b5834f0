package io.mvtrx.testkit.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.PopulationContext;

/**
 * A minimal event loop over one population in a scripted world: it creates the instances, starts them in index
 * order, then delivers the wake-ups they ask for (their own and their peers') in time order, ties in request order.
 * Optionally it acknowledges every placement with an {@link OrderAccepted} at its arrival time, so agents that wait
 * for replies keep going. Orders never trade and books never change unless the test changes them.
 *
 * Not thread-safe.
 */
public final class ScriptedKernel {

    private record Event(long timestamp, long sequence, int instance, int bookId, int kind, OrderAccepted notice)
            implements Comparable<Event> {

        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(timestamp, other.timestamp);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final List<BackgroundAgent> agents = new ArrayList<>();
    private final List<ScriptedEnvironment> environments = new ArrayList<>();
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final ScriptedEnvironment world;
    private final boolean acknowledge;
    private int wakesSeen;
    private int submissionsSeen;
    private long sequence;
    private long nextOrderId;
    private int delivered;

    /**
     * Creates the population's instances: instance i gets agent id {@code -1-i}, name {@code AGENT_i}, seed
     * {@code seedBase + i}; instance 0 sees the environment given, the others its peers.
     *
     * @param acknowledge whether placements are answered with an acceptance at arrival
     */
    public ScriptedKernel(AgentPopulation population, PopulationContext context, ScriptedEnvironment world,
                          long seedBase, boolean acknowledge) {
        this.world = world;
        this.acknowledge = acknowledge;
        for (int i = 0; i < context.instanceCount(); i++) {
            ScriptedEnvironment environment = i == 0 ? world : world.peer(i, seedBase + i);
            environments.add(environment);
            agents.add(population.agent(new AgentContext(-1 - i, i, "AGENT_" + i, seedBase + i)));
        }
    }

    /** The environment of instance {@code i} (to script its accounts). */
    public ScriptedEnvironment environment(int i) {
        return environments.get(i);
    }

    /** Instances. */
    public int instanceCount() {
        return agents.size();
    }

    /** Instance {@code i}. */
    public BackgroundAgent agent(int i) {
        return agents.get(i);
    }

    /** Calls {@code onStart} on every instance at the world's current time. */
    public void start() {
        for (int i = 0; i < agents.size(); i++) {
            agents.get(i).onStart(environments.get(i));
            collect();
        }
    }

    /**
     * Delivers events in time order until the next one is later than {@code until} or {@code maxEvents} were
     * delivered by this call.
     *
     * @return events delivered
     */
    public int run(long until, int maxEvents) {
        int count = 0;
        while (!queue.isEmpty() && queue.peek().timestamp() <= until && count < maxEvents) {
            Event event = queue.poll();
            ScriptedEnvironment environment = environments.get(event.instance());
            environment.at(Math.max(environment.now(), event.timestamp()));
            BackgroundAgent agent = agents.get(event.instance());
            if (event.notice() != null) {
                agent.onNotice(event.notice(), environment);
            } else {
                agent.onWake(event.bookId(), event.kind(), environment);
            }
            collect();
            count++;
        }
        delivered += count;
        return count;
    }

    /**
     * What the kernel and its world hold besides the agents' own state: the queued events, the counters, the clock,
     * every instance's random stream and the inputs agents set on processes. With the agents' saved state it lets a
     * fresh kernel {@linkplain #resume continue} this one.
     */
    public static final class Pause {
        private final List<Event> queue;
        private final long sequence;
        private final long nextOrderId;
        private final long now;
        private final long[] randomStates;
        private final Map<String, double[][]> processInputs;

        private Pause(List<Event> queue, long sequence, long nextOrderId, long now, long[] randomStates,
                      Map<String, double[][]> processInputs) {
            this.queue = queue;
            this.sequence = sequence;
            this.nextOrderId = nextOrderId;
            this.now = now;
            this.randomStates = randomStates;
            this.processInputs = processInputs;
        }
    }

    /** Captures what {@link #resume} needs; this kernel can run on. Needs seeded streams. */
    public Pause pause() {
        long[] randoms = new long[environments.size()];
        for (int i = 0; i < randoms.length; i++) {
            randoms[i] = environments.get(i).randomState();
        }
        return new Pause(new ArrayList<>(queue), sequence, nextOrderId, world.now(), randoms,
                world.processInputs());
    }

    /**
     * Continues a paused kernel, instead of {@link #start}: this kernel's agents must hold the paused agents'
     * restored state and its world must be prepared as the paused one was (books, processes, accounts).
     */
    public void resume(Pause pause) {
        queue.clear();
        queue.addAll(pause.queue);
        sequence = pause.sequence;
        nextOrderId = pause.nextOrderId;
        world.at(pause.now);
        world.processInputs(pause.processInputs);
        for (int i = 0; i < environments.size(); i++) {
            environments.get(i).randomState(pause.randomStates[i]);
        }
        wakesSeen = world.wakes().size();
        submissionsSeen = world.submissions().size();
    }

    /** Events delivered so far. */
    public int delivered() {
        return delivered;
    }

    /** Events still queued. */
    public int pending() {
        return queue.size();
    }

    private void collect() {
        List<ScriptedEnvironment.Wake> wakes = world.wakes();
        for (; wakesSeen < wakes.size(); wakesSeen++) {
            ScriptedEnvironment.Wake wake = wakes.get(wakesSeen);
            if (wake.toInstance() >= 0 && wake.toInstance() < agents.size()) {
                queue.add(new Event(wake.timestamp(), sequence++, wake.toInstance(), wake.bookId(), wake.kind(), null));
            }
        }
        List<ScriptedEnvironment.Submission> submissions = world.submissions();
        for (; submissionsSeen < submissions.size(); submissionsSeen++) {
            ScriptedEnvironment.Submission submission = submissions.get(submissionsSeen);
            if (!acknowledge) {
                continue;
            }
            long arrival = submission.at() + submission.latency() + submission.instruction().delay();
            OrderAccepted accepted = switch (submission.instruction()) {
                case PlaceLimit limit -> new OrderAccepted(arrival, limit.bookId(), nextOrderId++,
                        limit.clientOrderId(), OrderType.LIMIT, limit.side(), limit.price(), limit.volume(),
                        limit.leverage());
                case PlaceMarket market -> new OrderAccepted(arrival, market.bookId(), nextOrderId++,
                        market.clientOrderId(), OrderType.MARKET, market.side(), 0, market.volume(),
                        market.leverage());
                case CancelOrders cancel -> null;
                case ClosePositions close -> null;
                case ResetAgents reset -> null;
            };
            if (accepted != null) {
                queue.add(new Event(arrival, sequence++, submission.instanceIndex(), accepted.bookId(), 0, accepted));
            }
        }
    }
}
