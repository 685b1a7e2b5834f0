package io.mvtrx.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line that runs {@code mvtrx} again in a new JVM with this JVM's options: under {@code bin/mvtrx} (a
 * named module on the module path) the options and {@code -m module/main} this JVM was started with; on a class path
 * (tests, IDEs) {@code -cp} with this JVM's class path and {@link Main}.
 *
 * <p>Stateless.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * {@code mvtrx ARGS} in a new JVM like this one, with {@code jvmOptions} after the options it inherits (the JVM
     * takes the last of a repeated option, so these win).
     */
    static List<String> command(List<String> jvmOptions, List<String> mvtrxArgs) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        String java = info.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return command(java, info.arguments().map(List::of), Main.class.getModule().isNamed(),
                System.getProperty("java.class.path"), jvmOptions, mvtrxArgs);
    }

    /**
     * The command for a JVM started as {@code java} with {@code jvmArgs} (everything after the executable, when the
     * platform reports it).
     *
     * @param moduleMode whether {@code mvtrx} runs as a named module (then {@code jvmArgs} must hold its {@code -m})
     * @param classPath  the class path, used when not in module mode
     * @param jvmOptions options for the new JVM after the inherited ones (before {@code -m} or {@code -cp})
     */
    static List<String> command(String java, Optional<List<String>> jvmArgs, boolean moduleMode, String classPath,
                                List<String> jvmOptions, List<String> mvtrxArgs) {
        List<String> out = new ArrayList<>();
        out.add(java);
        if (moduleMode) {
            List<String> args = jvmArgs.orElseThrow(() -> new CommandFailedException(
                    "cannot start a child JVM: this platform does not report the JVM's own arguments"));
            int main = mainModuleIndex(args);
            if (main < 0) {
                throw new CommandFailedException("cannot start a child JVM: no -m/--module among this JVM's "
                        + "arguments %s", args);
            }
            out.addAll(args.subList(0, main));
            out.addAll(jvmOptions);
            out.addAll(args.subList(main, main + 2));
        } else {
            out.addAll(jvmOptions);
            out.add("-cp");
            out.add(classPath);
            out.add(Main.class.getName());
        }
        out.addAll(mvtrxArgs);
        return out;
    }

    private static int mainModuleIndex(List<String> args) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-m") || args.get(i).equals("--module")) {
                return i;
            }
        }
        return -1;
    }
}
