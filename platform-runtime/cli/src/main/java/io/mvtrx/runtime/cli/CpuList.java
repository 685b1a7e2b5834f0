package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Linux CPU list as {@code taskset -c} takes it ({@code 0}, {@code 1-3}, {@code 0,2}), and pinning with
 * {@code taskset} when it is installed.
 *
 * @param text the list as given
 */
record CpuList(String text) {

    private static final Pattern LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");

    CpuList {
        if (text == null || !LIST.matcher(text).matches()) {
            throw new IllegalArgumentException("a CPU list like 0, 1-3 or 0,2, got '" + text + "'");
        }
    }

    /** Parses {@code value} for {@code option}, naming the option when it is not a CPU list. */
    static CpuList parse(String option, String value) {
        try {
            return new CpuList(value);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("%s must be %s", option, e.getMessage());
        }
    }

    /** {@code command} prefixed to run pinned to these CPUs. */
    List<String> prefix(List<String> command) {
        List<String> out = new ArrayList<>(List.of("taskset", "-c", text));
        out.addAll(command);
        return out;
    }

    /** The command that pins every thread of a running process to these CPUs. */
    List<String> pinCommand(long pid) {
        return List.of("taskset", "-a", "-cp", text, Long.toString(pid));
    }

    /** Whether {@code taskset} runs here. */
    static boolean tasksetAvailable() {
        try {
            Process p = new ProcessBuilder("taskset", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Pins every thread of this JVM to these CPUs (threads started later inherit the mask). */
    void pinThisProcess() throws IOException {
        Process p = new ProcessBuilder(pinCommand(ProcessHandle.current().pid())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (p.waitFor() != 0) {
                throw new CommandFailedException("taskset could not pin this process to CPUs %s: %s", text, output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted while pinning this process to CPUs %s", text);
        }
    }
}
