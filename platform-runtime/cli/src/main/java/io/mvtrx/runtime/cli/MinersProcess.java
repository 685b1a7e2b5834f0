package io.mvtrx.runtime.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@code bench fanout --miners-process} ({@link BenchMiners}): started with a command, it is ready
 * once it has printed every miner's port and {@code ready}; closing it closes its standard input, which stops it.
 * Its standard error goes to a log file, named in every failure.
 */
final class MinersProcess implements AutoCloseable {

    private static final long STOP_WAIT_SECONDS = 30;
    /** How long the child may take to start its miners (256 take about half a minute on the development box). */
    private static final long READY_WAIT_SECONDS = 600;

    private final Process process;
    private final Path log;
    private final List<Integer> ports;

    private MinersProcess(Process process, Path log, List<Integer> ports) {
        this.process = process;
        this.log = log;
        this.ports = List.copyOf(ports);
    }

    /** Starts {@code command} and waits until it has reported {@code miners} ports, in miner order. */
    static MinersProcess start(List<String> command, Map<String, String> environment, Path log, int miners)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        // a child that hangs before it is ready is stopped, which ends the wait below with an error
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(process::destroyForcibly,
                CompletableFuture.delayedExecutor(READY_WAIT_SECONDS, TimeUnit.SECONDS));
        Map<Integer, Integer> portOf = new HashMap<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); !BenchMiners.READY.equals(line); line = out.readLine()) {
                if (line == null) {
                    throw failed(process, log, watchdog.isDone()
                            ? "its miners were not ready within " + READY_WAIT_SECONDS + " s"
                            : "it ended before its miners were ready");
                }
                if (!line.startsWith("[")) { // the JVM's own log lines (-Xlog, JFR) share the stdout
                    parse(line, portOf, log);
                }
            }
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } finally {
            watchdog.cancel(false);
        }
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < miners; i++) {
            Integer port = portOf.get(i);
            if (port == null) {
                process.destroyForcibly();
                throw new CommandFailedException("the miners' JVM reported no port for miner %d (log: %s)", i, log);
            }
            ports.add(port);
        }
        return new MinersProcess(process, log, ports);
    }

    /** Miner {@code i}'s port on 127.0.0.1. */
    int port(int i) {
        return ports.get(i);
    }

    private static void parse(String line, Map<Integer, Integer> portOf, Path log) {
        String[] fields = line.trim().split(" ");
        if (fields.length != 3 || !fields[0].equals("miner")) {
            throw new CommandFailedException("the miners' JVM printed '%s', expected 'miner I PORT' (log: %s)", line,
                    log);
        }
        try {
            portOf.put(Integer.parseInt(fields[1]), Integer.parseInt(fields[2]));
        } catch (NumberFormatException e) {
            throw new CommandFailedException("the miners' JVM printed '%s', expected 'miner I PORT' (log: %s)", line,
                    log);
        }
    }

    private static CommandFailedException failed(Process process, Path log, String what) throws IOException {
        String tail;
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            tail = String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tail = "";
        }
        return new CommandFailedException("the miners' JVM failed: %s (exit %s, log %s)%s", what,
                process.isAlive() ? "none yet" : Integer.toString(process.exitValue()), log,
                tail.isBlank() ? "" : System.lineSeparator() + tail);
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
