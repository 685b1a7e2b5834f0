package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Option values of a service command ({@code validator}, {@code miner}, {@code chain}) from the environment and a
 * settings file, for running it as a service: an option not on the command line takes the environment variable
 * {@code MVTRX_<SERVICE>_<OPTION>} ({@code MVTRX_VALIDATOR_STATE_DIR} for {@code --state-dir}), else the key
 * {@code <option>} ({@code state-dir}) of the properties file named by {@code --config-file} (or by
 * {@code MVTRX_<SERVICE>_CONFIG_FILE}), else the option's own default. Precedence: flag > environment > file >
 * default.
 *
 * <p>A file key that names no single-valued option of the command is an error naming the key and the file;
 * multi-valued options ({@code --storage-param}, {@code --agent-params}) and {@code --help}/{@code --version} are
 * taken from the command line only. A value that does not convert is reported by {@link #explain} with its source.
 *
 * <p>One instance per command line; picocli calls it after parsing the arguments, so {@code --config-file} is known.
 */
final class ServiceDefaults implements CommandLine.IDefaultValueProvider {

    /** The option naming the settings file. */
    static final String CONFIG_FILE = "--config-file";

    private final String service;
    private final CommandSpec spec;
    private final Map<String, String> environment;
    /** Where each value given out came from, by option name, for error messages. */
    private final Map<String, Source> given = new ConcurrentHashMap<>();
    private Path loadedFrom;
    private Properties file;

    /** Where a value came from. */
    record Source(String value, String where) {
    }

    ServiceDefaults(String service, CommandSpec spec, Map<String, String> environment) {
        this.service = service;
        this.spec = spec;
        this.environment = Map.copyOf(environment);
    }

    /** The environment variable of an option, e.g. {@code MVTRX_VALIDATOR_STATE_DIR}. */
    static String variable(String service, String option) {
        return ("MVTRX_" + service + "_" + option.replaceFirst("^-+", "")).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !settable(option)) {
            return null;
        }
        String name = option.longestName();
        String variable = variable(service, name);
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null) {
            given.put(name, new Source(fromEnvironment, "environment variable " + variable));
            return fromEnvironment;
        }
        if (name.equals(CONFIG_FILE)) {
            return null;
        }
        Optional<Path> path = configFile();
        if (path.isEmpty()) {
            return null;
        }
        String key = name.substring(2);
        String fromFile = settings(path.get()).getProperty(key);
        if (fromFile != null) {
            given.put(name, new Source(fromFile.strip(), "key '" + key + "' of " + path.get()));
            return fromFile.strip();
        }
        return null;
    }

    /**
     * A usage error caused by a value this provider gave, with that value's source added; any other unchanged.
     */
    ParameterException explain(ParameterException e) {
        if (!(e.getArgSpec() instanceof OptionSpec option)) {
            return e;
        }
        Source source = given.get(option.longestName());
        if (source == null || e.getCommandLine().getParseResult() != null
                && e.getCommandLine().getParseResult().hasMatchedOption(option.longestName())
                || e.getMessage() == null || !e.getMessage().contains("'" + source.value() + "'")) {
            return e;
        }
        return new ParameterException(e.getCommandLine(), e.getMessage() + " (from " + source.where() + ")", e,
                e.getArgSpec(), source.value());
    }

    private static boolean settable(OptionSpec option) {
        return !option.usageHelp() && !option.versionHelp() && !option.isMultiValue() && option.group() == null
                && option.longestName().startsWith("--");
    }

    /** {@code --config-file} as given, else from its environment variable. */
    private Optional<Path> configFile() {
        OptionSpec option = spec.findOption(CONFIG_FILE);
        Object value = option == null ? null : option.getValue();
        if (value != null) {
            return Optional.of((Path) value);
        }
        String variable = environment.get(variable(service, CONFIG_FILE));
        return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(Path.of(variable));
    }

    /**
     * The file's properties, read once and checked: every key must name a settable option.
     *
     * @throws ParameterException naming the file, if it cannot be read, or the key, if it names no option
     */
    private synchronized Properties settings(Path path) {
        if (file != null && path.equals(loadedFrom)) {
            return file;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), String.format("%s %s: no such file", CONFIG_FILE,
                    path));
        } catch (IOException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), String.format("%s %s: cannot read it: %s", CONFIG_FILE,
                    path, e.getMessage()));
        }
        Set<String> keys = new TreeSet<>();
        for (OptionSpec option : spec.options()) {
            if (settable(option) && !option.longestName().equals(CONFIG_FILE)) {
                keys.add(option.longestName().substring(2));
            }
        }
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!keys.contains(key)) {
                OptionSpec named = spec.findOption("--" + key);
                throw new ParameterException(spec.commandLine(), named == null
                        ? String.format("%s %s: unknown key '%s'; mvtrx %s takes: %s", CONFIG_FILE, path, key, service,
                                String.join(", ", keys))
                        : String.format("%s %s: key '%s' takes several values or is not a setting; give --%s on the "
                                + "command line", CONFIG_FILE, path, key, key));
            }
        }
        loadedFrom = path;
        file = properties;
        return properties;
    }
}
