package io.mvtrx.runtime.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --config-file FILE} of the service commands; {@link ServiceDefaults} reads it. */
final class ServiceConfigFile {

    @Option(names = ServiceDefaults.CONFIG_FILE, paramLabel = "FILE",
            description = "Service settings: a properties file of option=value lines (state-dir=/var/lib/mvtrx), "
                    + "used for options not given as flags or MVTRX_<COMMAND>_<OPTION> environment variables "
                    + "(doc/operator.md).")
    Path file;
}
