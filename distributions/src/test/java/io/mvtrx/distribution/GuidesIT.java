package io.mvtrx.distribution;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the guides in {@code doc/guides/} and the operator guide {@code doc/operator.md} as a reader would: every
 * {@code ```sh} block of a guide, in order, in one bash process ({@code set -euo pipefail}) in a folder that holds
 * only the distribution's tarball (what a reader downloads), with the unpacked distribution's {@code bin/} and this
 * JDK's tools first on {@code PATH}. A guide whose commands fail fails here, with its output. Blocks fenced as
 * {@code ```text} are not run; the guide names the test that covers each of them.
 *
 * <p>A guide that needs a bucket gets one: a real S3-compatible server (s3proxy over an in-memory store) on
 * loopback, named to the guide's commands by {@code S3_ENDPOINT}, {@code S3_BUCKET}, {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY} — the variables a reader sets for their own R2, Hippius or AWS bucket.
 */
class GuidesIT {

    private static final Path HOME = Path.of(System.getProperty("mvtrx.distribution", "target/mvtrx-0.1.0"))
            .toAbsolutePath();
    private static final Path GUIDES = Path.of(System.getProperty("mvtrx.guides", "../doc/guides")).toAbsolutePath();
    private static final Path OPERATOR_GUIDE = GUIDES.resolveSibling("operator.md");
    private static final Path TARBALL = Path.of(System.getProperty("mvtrx.tarball", "target/mvtrx-0.1.0.tar.gz"))
            .toAbsolutePath();
    private static final Pattern SH_BLOCK = Pattern.compile("^```sh\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);

    private static final String BUCKET = "mvtrx-guide";
    /** 32 and 64 characters: the lengths a miner's chain commitment holds (the GenTRX guide commits them). */
    private static final String ACCESS_KEY = "guide-access-0123456789abcdefghi";
    private static final String SECRET_KEY = "guide-secret-0123456789abcdefghijklmnopqrstuvwxyz0123456789abcde";

    private static BlobStoreContext blobs;
    private static S3Proxy s3;

    @TempDir
    Path temp;

    @BeforeAll
    static void startS3() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        s3 = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        s3.start();
        assertThat(s3.getState()).as("s3proxy state").isEqualTo("STARTED");
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.stop();
        }
        if (blobs != null) {
            blobs.close();
        }
    }

    static List<Path> guides() throws IOException {
        List<Path> guides = new ArrayList<>();
        try (Stream<Path> files = Files.list(GUIDES)) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(guides::add);
        }
        guides.add(OPERATOR_GUIDE);
        return guides;
    }

    /** The guide's runnable blocks, in order. */
    static List<String> blocks(Path guide) throws IOException {
        Matcher matcher = SH_BLOCK.matcher(Files.readString(guide));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guides")
    void everyCommandOfTheGuideRuns(Path guide) throws IOException, InterruptedException {
        List<String> blocks = blocks(guide);
        assertThat(blocks).as("%s has no ```sh block to run", guide).isNotEmpty();
        Files.copy(TARBALL, temp.resolve(TARBALL.getFileName()));
        Path script = temp.resolve("guide.sh");
        Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks));
        Path output = temp.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(temp.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        String jdkBin = Path.of(System.getProperty("java.home"), "bin").toString();
        builder.environment().put("PATH", HOME.resolve("bin") + ":" + jdkBin + ":" + System.getenv("PATH"));
        builder.environment().put("S3_ENDPOINT", "http://127.0.0.1:" + s3.getPort());
        builder.environment().put("S3_BUCKET", BUCKET);
        builder.environment().put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        Process process = builder.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("%s did not finish in 10 minutes; output:%n%s", guide, Files.readString(output))
                .isTrue();
        assertThat(process.exitValue()).as("%s failed; output:%n%s", guide, Files.readString(output)).isZero();
    }
}
