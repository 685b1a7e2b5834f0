package io.mvtrx.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT as a request to stop, for the long-running commands ({@code validator}, {@code miner},
 * {@code chain}): the first signal runs {@code stop} (on the JVM's signal thread) and the command winds down on its
 * own thread — a validator finishes its step and checkpoints — then returns its exit code, 0 when all went well.
 * With the JVM's default handling the process would exit with 128 + the signal number while shutdown hooks race the
 * main thread, which service managers (systemd) read as a failure.
 *
 * <p>A second signal stops at once: the process halts with 128 + the signal number, without a checkpoint.
 * {@link #close} restores the previous handlers (tests run commands in one JVM). Signals the platform does not have
 * are skipped.
 */
final class Termination implements AutoCloseable {

    private static final String[] SIGNALS = {"TERM", "INT"};

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private Termination() {
    }

    /** Installs the handlers; {@code stop} runs once, at the first signal. */
    static Termination onSignal(Runnable stop) {
        Termination termination = new Termination();
        AtomicBoolean signalled = new AtomicBoolean();
        for (String name : SIGNALS) {
            Signal signal;
            try {
                signal = new Signal(name);
            } catch (IllegalArgumentException e) {
                continue;
            }
            SignalHandler handler = received -> {
                if (signalled.compareAndSet(false, true)) {
                    stop.run();
                } else {
                    Runtime.getRuntime().halt(128 + received.getNumber());
                }
            };
            try {
                termination.previous.add(Signal.handle(signal, handler));
                termination.signals.add(signal);
            } catch (IllegalArgumentException e) {
                // the JVM reserves this signal here (e.g. -Xrs): leave its handling alone
            }
        }
        return termination;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                Signal.handle(signals.get(i), previous.get(i));
            } catch (IllegalArgumentException e) {
                // cannot happen: it was installable a moment ago
            }
        }
    }
}
