package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;
import io.mvtrx.runtime.plugins.PluginInfo;
import io.mvtrx.runtime.plugins.PluginInfo.State;
import io.mvtrx.runtime.plugins.PluginRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx plugins}: a table of every plugin (id, version, origin, state, names provided per extension point) on
 * stdout, then one line per problem on stderr. Exits 0 even when a plugin failed: the runtime carries on without it.
 */
@Command(name = "plugins",
        mixinStandardHelpOptions = true,
        versionProvider = MvtrxCommand.Version.class,
        description = {
            "Lists every plugin: id, version, origin (built-in or folder), state and the names it provides.",
            "Problems (a refused or broken JAR, a name collision) follow on stderr, one line each. The exit code is "
                    + "0 even then: the runtime carries on without the failed plugin.",
        },
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
final class PluginsCommand implements Callable<Integer> {

    private static final String[] HEADINGS = {"ID", "VERSION", "ORIGIN", "STATE", "PROVIDES"};

    @ParentCommand
    private MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-v", "--verbose"},
            description = "Also show each plugin's location and each provider's description and parameters.")
    private boolean verbose;

    @Override
    public Integer call() {
        Path folder = mvtrx.pluginsDirectory();
        PrintWriter out = spec.commandLine().getOut();
        try (PluginRegistry registry = mvtrx.loadPlugins()) {
            printTable(registry, out);
            out.println();
            out.println(summary(registry, folder));
            out.flush();
            mvtrx.printProblems(registry);
        }
        return ExitCodes.OK;
    }

    private void printTable(PluginRegistry registry, PrintWriter out) {
        List<List<String[]>> blocks = new ArrayList<>();
        int[] widths = new int[HEADINGS.length];
        widen(widths, HEADINGS);
        for (PluginInfo plugin : registry.plugins()) {
            List<String> provides = provides(plugin);
            List<String[]> block = new ArrayList<>();
            block.add(new String[] {plugin.id(), plugin.version(), plugin.origin().label(), plugin.state().label(),
                provides.getFirst()});
            for (String more : provides.subList(1, provides.size())) {
                block.add(new String[] {"", "", "", "", more});
            }
            block.forEach(row -> widen(widths, row));
            blocks.add(block);
        }
        printRow(out, HEADINGS, widths);
        for (int i = 0; i < blocks.size(); i++) {
            blocks.get(i).forEach(row -> printRow(out, row, widths));
            if (verbose) {
                printDetails(registry, registry.plugins().get(i), out);
            }
        }
    }

    private static void widen(int[] widths, String[] row) {
        for (int i = 0; i < row.length; i++) {
            widths[i] = Math.max(widths[i], row[i].length());
        }
    }

    private static void printRow(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - cells[i].length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    /** One entry per extension point, e.g. {@code fee policy: dynamic, static, tiered}; {@code -} if none. */
    private static List<String> provides(PluginInfo plugin) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<ExtensionPoint, List<String>> entry : plugin.provides().entrySet()) {
            lines.add(entry.getKey().label() + ": " + String.join(", ", entry.getValue()));
        }
        return lines.isEmpty() ? List.of("-") : lines;
    }

    private static void printDetails(PluginRegistry registry, PluginInfo plugin, PrintWriter out) {
        out.println("    location: " + plugin.location());
        plugin.provides().forEach((point, names) -> {
            for (String name : names) {
                Optional<? extends PluginProvider> provider = registry.find(point.providerType(), name);
                String description = provider.map(PluginProvider::description).orElse("");
                out.println("    " + point.label() + " " + name + (description.isBlank() ? "" : ": " + description));
                provider.ifPresent(p -> p.parameters().parameters().values()
                        .forEach(parameter -> out.println("      " + describe(parameter))));
            }
        });
    }

    private static String describe(Parameter parameter) {
        String kind = parameter.required() ? "required"
                : parameter.defaultValue() == null ? "optional" : "default " + parameter.defaultValue();
        String text = parameter.name() + " (" + parameter.type().label() + ", " + kind + ")";
        return parameter.description().isBlank() ? text : text + ": " + parameter.description();
    }

    private static String summary(PluginRegistry registry, Path folder) {
        long loaded = registry.plugins().stream().filter(p -> p.state() == State.LOADED).count();
        long disabled = registry.plugins().stream().filter(p -> p.state() == State.DISABLED).count();
        long failed = registry.plugins().stream().filter(p -> p.state() == State.FAILED).count();
        int problems = registry.problems().size();
        return String.format("%d plugins (%d loaded, %d disabled, %d failed); plugins folder: %s%s",
                registry.plugins().size(), loaded, disabled, failed, folder.toAbsolutePath().normalize(),
                problems == 0 ? "" : String.format("; %d problem%s on stderr", problems, problems == 1 ? "" : "s"));
    }
}
