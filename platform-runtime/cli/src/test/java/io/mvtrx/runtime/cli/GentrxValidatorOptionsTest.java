package io.mvtrx.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import io.mvtrx.api.gentrx.BucketAccess;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class GentrxValidatorOptionsTest {

    private static GentrxValidatorOptions parse(String... args) {
        GentrxValidatorOptions options = new GentrxValidatorOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void takesTheReferenceDefaults() {
        GentrxValidatorOptions options = parse("--gentrx", "--gradient-server", "http://127.0.0.1:8100/gentrx");

        assertThat(options.enabled).isTrue();
        assertThat(options.server).isEqualTo(URI.create("http://127.0.0.1:8100/gentrx"));
        assertThat(options.share).isEqualTo(0.05);
        assertThat(options.blocksPerRound).isEqualTo(25);
        assertThat(options.windowNanos).isEqualTo(300_000_000_000L);
    }

    @Test
    void minersReadASharedDirectoryOrTheBucketTheReferenceEnvironmentNames() {
        assertThat(parse("--gentrx-data-dir", "/srv/gentrx").dataAccess(Map.of()))
                .isEqualTo(new BucketAccess("local", Path.of("/srv/gentrx").toAbsolutePath().toString(), "", "", ""));
        assertThat(parse().dataAccess(Map.of("GENTRX_VALIDATOR_S3_ENDPOINT_URL", "https://acc.r2.cloudflarestorage.com",
                "GENTRX_VALIDATOR_S3_BUCKET", "acc", "GENTRX_VALIDATOR_S3_READ_ACCESS_KEY", "rk",
                "GENTRX_VALIDATOR_S3_READ_SECRET_KEY", "rs")))
                .isEqualTo(new BucketAccess("s3", "https://acc.r2.cloudflarestorage.com", "acc", "rk", "rs"));
        assertThatThrownBy(() -> parse().dataAccess(Map.of("GENTRX_VALIDATOR_S3_BUCKET", "acc")))
                .hasMessage("--gentrx: miners need read access to the pages: give --gentrx-data-dir DIR, or set "
                        + "GENTRX_VALIDATOR_S3_ENDPOINT_URL, GENTRX_VALIDATOR_S3_BUCKET, "
                        + "GENTRX_VALIDATOR_S3_READ_ACCESS_KEY and GENTRX_VALIDATOR_S3_READ_SECRET_KEY");
    }

    @Test
    void refusesToStartWithoutWhatItsOwnServerNeedsOrWithABadServer(@org.junit.jupiter.api.io.TempDir Path temp)
            throws Exception {
        assertThat(parse().start(null, null, 0, Map.of(), null, temp)).isEmpty();
        assertThatThrownBy(() -> parse("--gentrx").start(null, null, 0, Map.of(), null, temp))
                .hasMessage("--gentrx without --gradient-server runs a gradient server here: give --gentrx-data-dir "
                        + "DIR (its store, read by the miners) and --gentrx-checkpoint FILE, or --gradient-server URL");
        assertThatThrownBy(() -> parse("--gentrx", "--gentrx-data-dir", temp.toString()).start(null, null, 0,
                Map.of(), null, temp)).hasMessage("--gentrx-checkpoint FILE is required: "
                + temp.resolve("gradient-server") + " holds no model yet");
        assertThatThrownBy(() -> parse("--gentrx", "--gradient-server", "http://127.0.0.1:8100/").start(null, null, 0,
                Map.of(), null, temp)).hasMessage("--gradient-server: gradient server URL must end in /gentrx, got "
                + "http://127.0.0.1:8100/");
        assertThatThrownBy(() -> parse("--gentrx", "--gradient-server", "http://h/gentrx", "--gentrx-share", "2")
                .start(null, null, 0, Map.of(), null, temp)).hasMessage("--gentrx-share must be between 0 and 1, "
                + "got 2.0");
    }
}
