package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** Where Linux lists the CPUs online. */
    static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");

    /**
     * Parses {@code value} for {@code option}, naming the option when it is not a CPU list or names a CPU that is not
     * among {@code online} (when that is known): {@code taskset} would only say "Invalid argument", from a child.
     */
    static CpuList parse(String option, String value, Optional<CpuList> online) {
        CpuList list;
        try {
            list = new CpuList(value);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("%s must be %s", option, e.getMessage());
        }
        if (online.isPresent()) {
            List<long[]> known = online.get().ranges();
            for (long[] range : list.ranges()) {
                for (long cpu = range[0]; cpu <= range[1]; cpu++) {
                    if (!covers(known, cpu)) {
                        throw new CommandFailedException("%s %s: no CPU %d on this machine (online: %s)", option,
                                value, cpu, online.get().text());
                    }
                }
            }
        }
        return list;
    }

    private static boolean covers(List<long[]> ranges, long cpu) {
        for (long[] range : ranges) {
            if (range[0] <= cpu && cpu <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** The list's ranges, first and last CPU each (a number too long for a long reads as the largest). */
    private List<long[]> ranges() {
        List<long[]> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            int dash = part.indexOf('-');
            long first = number(dash < 0 ? part : part.substring(0, dash));
            ranges.add(new long[] {first, dash < 0 ? first : number(part.substring(dash + 1))});
        }
        return ranges;
    }

    private static long number(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** The CPUs online as {@code file} lists them; empty when it cannot be read or is not a CPU list. */
    static Optional<CpuList> online(Path file) {
        try {
            return Optional.of(new CpuList(Files.readString(file).trim()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
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
