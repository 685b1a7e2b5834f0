package io.mvtrx.runtime.dashboard;

import java.util.Optional;

/**
 * The run at a glance.
 *
 * @param source          who serves the dashboard: {@code validator} or {@code simulate}
 * @param simulationId    the running simulation's id, empty before one starts
 * @param simTime         simulated time elapsed, ns
 * @param duration        simulated duration of the run, ns
 * @param steps           steps (validator: publishes) done
 * @param stepsPerSecond  steps per wall second over the last publish interval
 * @param blocks          blocks of books
 * @param booksPerBlock   books per block
 * @param minersServing   miners queried at the last publish (0 without miners)
 * @param minersAnswering miners that answered in time at the last publish
 * @param answered        queries answered in time, whole run
 * @param timeouts        queries not answered in time, whole run
 * @param gentrx          GenTRX rounds, empty while GenTRX is off
 * @param finished        whether the run has ended
 */
public record Overview(String source, String simulationId, long simTime, long duration, long steps,
                       double stepsPerSecond, int blocks, int booksPerBlock, int minersServing, int minersAnswering,
                       long answered, long timeouts, Optional<GentrxStatus> gentrx, boolean finished) {

    /** Before anything ran. */
    public static final Overview STARTING = new Overview("starting", "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            Optional.empty(), false);
}
