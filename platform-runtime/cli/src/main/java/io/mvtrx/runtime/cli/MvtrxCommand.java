package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import io.mvtrx.api.PlatformVersion;
import io.mvtrx.runtime.plugins.PluginHost;
import io.mvtrx.runtime.plugins.PluginRegistry;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top {@code mvtrx} command: global options and the list of subcommands. A subcommand is a class annotated with
 * {@code @Command} added to {@code subcommands} below; it reaches the global options and the plugins through a
 * {@code @ParentCommand MvtrxCommand} field ({@link #loadPlugins()}).
 *
 * <p>One instance per run; not thread-safe.
 */
@Command(name = "mvtrx",
        mixinStandardHelpOptions = true,
        versionProvider = MvtrxCommand.Version.class,
        description = "MVTRX: a market-simulation network as a plugin platform.",
        subcommands = {
            PluginsCommand.class,
            ConfigCommand.class,
            StorageCommand.class,
            GentrxCommand.class,
            ReplayCommand.class,
            WalletCommand.class,
            ChainCommand.class,
            SimulateCommand.class,
            ScoreCommand.class,
            MinerCommand.class,
            ProxyCommand.class,
            ValidatorCommand.class,
            GradientServerCommand.class,
            LocalnetCommand.class,
            BenchCommand.class,
            HelpCommand.class,
        },
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
public final class MvtrxCommand implements Callable<Integer> {

    /** The commands run as services: their options also come from the environment and a --config-file. */
    static final List<String> SERVICES = List.of("validator", "miner", "chain", "gradient-server");

    @Spec
    private CommandSpec spec;

    @Option(names = "--plugins-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Folder of third-party plugin JARs. Default: the plugins folder of the distribution "
                    + "($MVTRX_HOME/plugins), or of the working directory when MVTRX_HOME is not set.")
    private Path pluginsDir;

    private final ClassLoader builtIns;
    private final Map<String, String> environment;
    private InputStream input = System.in;

    /** The command as {@code bin/mvtrx} runs it: built-ins from the module path, the process environment. */
    public MvtrxCommand() {
        this(MvtrxCommand.class.getClassLoader(), System.getenv());
    }

    /**
     * A command with its surroundings given, for tests.
     *
     * @param builtIns    where built-in plugins are looked up
     * @param environment environment variables ({@code MVTRX_HOME})
     */
    public MvtrxCommand(ClassLoader builtIns, Map<String, String> environment) {
        this.builtIns = builtIns;
        this.environment = Map.copyOf(environment);
    }

    /** Replaces standard input for this run (tests feed a mnemonic through it); returns this command. */
    public MvtrxCommand withInput(InputStream input) {
        this.input = input;
        return this;
    }

    /** Standard input of this run. */
    public InputStream input() {
        return input;
    }

    /** Environment variables of this run. */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * The command line with MVTRX's exit codes: {@link CommandFailedException} gives {@link ExitCodes#FAILED}, any
     * other exception {@link ExitCodes#INTERNAL}; usage errors give picocli's {@link ExitCodes#USAGE}.
     */
    public static CommandLine commandLine(MvtrxCommand command) {
        CommandLine line = new CommandLine(command);
        for (String service : SERVICES) {
            CommandLine sub = line.getSubcommands().get(service);
            sub.setDefaultValueProvider(new ServiceDefaults(service, sub.getCommandSpec(), command.environment));
        }
        // A bad value from the environment or a --config-file is reported with where it came from.
        CommandLine.IParameterExceptionHandler standard = line.getParameterExceptionHandler();
        line.setParameterExceptionHandler((e, args) -> standard.handleParseException(
                e.getCommandLine().getCommandSpec().defaultValueProvider() instanceof ServiceDefaults defaults
                        ? defaults.explain(e) : e, args));
        return line.setExecutionExceptionHandler((failure, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (failure instanceof CommandFailedException) {
                err.println("mvtrx: " + failure.getMessage());
                err.flush();
                return ExitCodes.FAILED;
            }
            err.println("mvtrx: internal error: " + failure);
            failure.printStackTrace(err);
            err.flush();
            return ExitCodes.INTERNAL;
        });
    }

    /** {@code mvtrx} alone: prints the usage and fails as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * Loads the built-in plugins and those of the plugins folder; the caller closes the registry.
     *
     * @throws ParameterException if {@code --plugins-dir} names something that is not a directory
     */
    public PluginRegistry loadPlugins() {
        return loadPlugins(pluginsDirectory());
    }

    /** Loads the built-in plugins and those of another drop-in {@code folder} (the miner's agents folder). */
    public PluginRegistry loadPlugins(Path folder) {
        return PluginHost.load(builtIns, folder);
    }

    /**
     * Prints the registry's problems on the command's stderr, one line each, as every command that loads plugins
     * should: the runtime carries on without the failed plugins, but the user must see what was left out.
     */
    public void printProblems(PluginRegistry registry) {
        PrintWriter err = spec.commandLine().getErr();
        registry.problems().forEach(err::println);
        err.flush();
    }

    /** The plugins folder: {@code --plugins-dir}, else {@code $MVTRX_HOME/plugins}, else {@code ./plugins}. */
    public Path pluginsDirectory() {
        if (pluginsDir != null) {
            if (!Files.isDirectory(pluginsDir)) {
                throw new ParameterException(spec.commandLine(),
                        String.format("--plugins-dir %s: not a directory", pluginsDir));
            }
            return pluginsDir;
        }
        return installationFolder("plugins");
    }

    /** A folder of the installation: {@code $MVTRX_HOME/NAME}, else {@code ./NAME}. */
    public Path installationFolder(String name) {
        String home = System.getProperty("mvtrx.home", environment.get("MVTRX_HOME"));
        return home == null || home.isBlank() ? Path.of(name) : Path.of(home, name);
    }

    /** {@code --version}: the distribution, the platform API and the Java runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "mvtrx " + distributionVersion(),
                "platform API " + PlatformVersion.API_VERSION,
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
            };
        }

        static String distributionVersion() {
            try (InputStream in = MvtrxCommand.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    return "unknown";
                }
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read version.properties", e);
            }
        }
    }
}
