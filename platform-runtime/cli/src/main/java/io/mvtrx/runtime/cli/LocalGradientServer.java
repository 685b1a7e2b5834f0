package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.data.ingest.IngestSettings;
import io.mvtrx.runtime.gentrx.data.ingest.TickIngest;
import io.mvtrx.runtime.gentrx.data.page.PageStore;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointReader;
import io.mvtrx.runtime.gentrx.server.GradientServer;
import io.mvtrx.runtime.gentrx.server.GradientServerLoop;
import io.mvtrx.runtime.gentrx.server.MinerBuckets;
import io.mvtrx.runtime.gentrx.server.ServerSettings;
import io.mvtrx.runtime.gentrx.server.data.TickFeed;
import io.mvtrx.runtime.gentrx.server.http.BucketOpener;
import io.mvtrx.runtime.gentrx.server.http.GradientHttpServer;
import io.mvtrx.runtime.gentrx.server.scoring.Evaluator;
import io.mvtrx.runtime.gentrx.server.scoring.EvaluatorFactory;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.parquet.WriterOptions;

/**
 * A gradient server in this JVM — its core, the {@code /gentrx} HTTP API and the worker loop — as
 * {@code mvtrx gradient-server}, {@code mvtrx validator --gentrx} without {@code --gradient-server} and
 * {@code mvtrx localnet --gentrx} run it. Closing stops the API, then the loop, and persists the state.
 */
final class LocalGradientServer implements AutoCloseable {

    /**
     * What a server is made of.
     *
     * @param bucket    the validator's own bucket: pages, published versions, proposals
     * @param miners    where miners' gradients are read
     * @param stateDir  round state, model, ingest staging, aggregation.jsonl
     * @param seed      the model to start from when {@code stateDir} holds none yet
     * @param pageRows  rows per Parquet page (reference 30,000)
     * @param ingest    tail flush and startup clean-up
     * @param apiKey    required in X-API-Key when present
     * @param opener    opens buckets registered over {@code POST /register_bucket}
     * @param loopPause pause between loop passes (reference 5 s)
     * @param baseline  a fixed model also measured on every round's held-out pages (localnet: the seed)
     */
    record Parts(ServerSettings settings, StorageLayout layout, StorageBackend bucket, MinerBuckets miners,
                 Path stateDir, Optional<Path> seed, EvaluatorFactory evaluator, int pageRows, IngestSettings ingest,
                 List<Integer> proposalUids, String bind, int port, Optional<String> apiKey, BucketOpener opener,
                 Duration loopPause, Optional<TensorSet> baseline) {
    }

    private final GradientServer core;
    private final GradientHttpServer http;
    private final GradientServerLoop loop;
    private final String bind;

    private LocalGradientServer(GradientServer core, GradientHttpServer http, GradientServerLoop loop, String bind) {
        this.core = core;
        this.http = http;
        this.loop = loop;
        this.bind = bind;
    }

    /** The model file the server would start from: the state directory's, else the seed. */
    static Path modelFile(Path stateDir, Optional<Path> seed, String seedOption) {
        Path saved = stateDir.resolve(GradientServer.MODEL_FILE);
        if (Files.exists(saved)) {
            return saved;
        }
        Path model = seed.orElseThrow(() -> new CommandFailedException("%s FILE is required: %s holds no model yet",
                seedOption, stateDir));
        if (!Files.isRegularFile(model)) {
            throw new CommandFailedException("%s %s is not a file", seedOption, model);
        }
        return model;
    }

    /** The one evaluator named {@code name}, or the only one installed when {@code name} is null. */
    static EvaluatorFactory evaluator(String name, String option) {
        List<EvaluatorFactory> installed = EvaluatorFactory.installed();
        List<EvaluatorFactory> chosen = installed.stream().filter(f -> name == null || f.name().equals(name)).toList();
        if (chosen.size() != 1) {
            throw new CommandFailedException("%s: exactly one model evaluator is needed%s; installed: %s", option,
                    name == null ? "" : " named '" + name + "'",
                    installed.isEmpty() ? "none (the GenTRX order model provides one)"
                            : String.join(", ", installed.stream().map(EvaluatorFactory::name).toList()));
        }
        return chosen.getFirst();
    }

    /**
     * Starts the server.
     *
     * @param seedOption the option that names the seed model, for messages
     * @throws CommandFailedException naming the model file, the evaluator or the address at fault
     */
    static LocalGradientServer start(Parts p, String seedOption) throws IOException {
        Path model = modelFile(p.stateDir(), p.seed(), seedOption);
        Checkpoint seed;
        try {
            seed = CheckpointReader.read(model, Optional.empty());
        } catch (IOException | RuntimeException e) {
            throw new CommandFailedException("%s %s: %s", seedOption, model, e.getMessage());
        }
        Files.createDirectories(p.stateDir());
        Evaluator scoring;
        try {
            scoring = p.evaluator().create(p.bucket(), seed);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("%s %s does not suit the '%s' evaluator: %s", seedOption, model,
                    p.evaluator().name(), e.getMessage());
        }
        PageStore pages = new PageStore(p.bucket(), p.layout(), p.settings().validatorUid(), p.pageRows(),
                WriterOptions.defaults());
        pages.restore();
        TickFeed data = new TickFeed(new TickIngest(pages, p.ingest(), InstantSource.system()), p.stateDir());
        GradientServer core = GradientServer.builder().settings(p.settings()).layout(p.layout())
                .ownBucket(p.bucket()).minerBuckets(p.miners()).data(data).evaluator(scoring)
                .stateDir(p.stateDir()).initialCheckpoint(model).proposalValidators(p.proposalUids())
                .baseline(p.baseline().orElse(null)).build();
        GradientHttpServer http;
        try {
            http = GradientHttpServer.start(core, p.bind(), p.port(), p.apiKey(), p.opener());
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("%s", e.getMessage());
        } catch (RuntimeException e) {
            throw new CommandFailedException("cannot serve the gradient server on %s:%d: %s", p.bind(), p.port(),
                    e.getMessage());
        }
        return new LocalGradientServer(core, http, GradientServerLoop.start(core, p.loopPause()), p.bind());
    }

    GradientServer core() {
        return core;
    }

    int port() {
        return http.port();
    }

    /** The API root validators talk to. */
    URI api() {
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return URI.create("http://" + ("0.0.0.0".equals(bind) ? "127.0.0.1" : host) + ":" + http.port() + "/gentrx");
    }

    @Override
    public void close() throws IOException {
        http.close();
        loop.close();
    }
}
