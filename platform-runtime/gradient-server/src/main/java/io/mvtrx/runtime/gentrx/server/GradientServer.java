package io.mvtrx.runtime.gentrx.server;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointReader;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointWriter;
import io.mvtrx.runtime.gentrx.delta.gradient.Gradient;
import io.mvtrx.runtime.gentrx.delta.gradient.GradientCodec;
import io.mvtrx.runtime.gentrx.delta.gradient.GradientMetadata;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDelta;
import io.mvtrx.runtime.gentrx.server.data.DataFeed;
import io.mvtrx.runtime.gentrx.server.data.DataView;
import io.mvtrx.runtime.gentrx.server.data.PageRef;
import io.mvtrx.runtime.gentrx.server.model.Aggregator;
import io.mvtrx.runtime.gentrx.server.model.CommitRule;
import io.mvtrx.runtime.gentrx.server.model.ModelHead;
import io.mvtrx.runtime.gentrx.server.model.Publisher;
import io.mvtrx.runtime.gentrx.server.model.Weights;
import io.mvtrx.runtime.gentrx.server.round.Assignment;
import io.mvtrx.runtime.gentrx.server.round.AssignmentState;
import io.mvtrx.runtime.gentrx.server.round.MinerSlot;
import io.mvtrx.runtime.gentrx.server.round.RoundBook;
import io.mvtrx.runtime.gentrx.server.round.RoundEntry;
import io.mvtrx.runtime.gentrx.server.round.RoundPlan;
import io.mvtrx.runtime.gentrx.server.scoring.Evaluator;
import io.mvtrx.runtime.gentrx.server.scoring.GradientScorer;
import io.mvtrx.runtime.gentrx.server.scoring.HeldOut;
import io.mvtrx.runtime.gentrx.server.scoring.ScoreCard;
import io.mvtrx.runtime.gentrx.server.state.AggregationLog;
import io.mvtrx.runtime.gentrx.server.state.AtomicFiles;
import io.mvtrx.runtime.gentrx.server.state.JsonNumbers;
import io.mvtrx.runtime.gentrx.server.state.ServerSnapshot;
import io.mvtrx.runtime.gentrx.server.state.StateStore;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The gradient server's rounds, scoring and aggregation (gentrx.md §1.3, §1.6, §5, §6), without HTTP. The HTTP
 * handlers call the quick methods ({@link #pushRound}, {@link #scoresAfter}, ...); one worker thread calls
 * {@link #tick()} every loop period to collect gradients, score them, drain closed rounds and aggregate. Time comes
 * from the injected clock.
 */
public final class GradientServer {

    private static final System.Logger LOG = System.getLogger(GradientServer.class.getName());
    /** The canonical model in the state directory: the scoring base, advanced by every commit. */
    public static final String MODEL_FILE = "model.ckpt";
    /** A proposal larger than this many times the local aggregate's norm is not considered (§6.4). */
    public static final double PROPOSAL_NORM_RATIO = 10.0;

    private final ServerSettings settings;
    private final StorageLayout layout;
    private final MinerBuckets buckets;
    private final DataFeed data;
    private final GradientScorer scorer;
    private final Aggregator aggregator;
    private final Publisher publisher;
    private final StateStore store;
    private final AggregationLog log;
    private final InstantSource clock;
    private final Path stateDir;
    private final ModelHead head;
    private final List<Integer> proposalValidators;
    private final Optional<TensorSet> baseline;

    private final Object lock = new Object();
    private final RoundBook book;
    private final SortedMap<Long, String> stash;
    private final Map<SlotKey, Gradient> received = new HashMap<>();
    private final Map<Long, HeldOut> heldOutCache = new HashMap<>();
    private long heldOutVersion = -1;
    private long warmupAnchor;
    private long roundsAggregated;
    private long rollbacks;
    private String lastAggregation;
    private volatile RoundStats lastStats = RoundStats.NONE;

    private record SlotKey(long round, int uid) {
    }

    private GradientServer(Builder b, ModelHead head, Optional<ServerSnapshot> snapshot) {
        this.settings = b.settings;
        this.layout = b.layout;
        this.buckets = b.buckets;
        this.data = b.data;
        this.scorer = new GradientScorer(b.evaluator, b.settings.rules(), b.settings.maxValBatches());
        this.aggregator = new Aggregator(b.settings.aggTopKFraction());
        this.publisher = new Publisher(b.ownBucket, b.layout, b.settings.validatorUid(), b.settings.publish());
        this.store = new StateStore(b.stateDir);
        this.log = new AggregationLog(b.stateDir.resolve("aggregation.jsonl"), b.clock);
        this.clock = b.clock;
        this.stateDir = b.stateDir;
        this.head = head;
        this.baseline = Optional.ofNullable(b.baseline);
        this.proposalValidators = b.proposalValidators.stream().filter(uid -> uid != b.settings.validatorUid())
                .toList();
        if (snapshot.isPresent()) {
            ServerSnapshot s = snapshot.get();
            this.book = RoundBook.restore(s.aggRound(), s.rounds());
            this.stash = new TreeMap<>(s.stashedScores());
            this.warmupAnchor = s.warmupAnchor();
            this.roundsAggregated = s.roundsAggregated();
            this.rollbacks = s.rollbacks();
            this.lastAggregation = s.lastAggregation();
        } else {
            this.book = new RoundBook(0);
            this.stash = new TreeMap<>();
            this.warmupAnchor = -1;
            this.lastAggregation = "{}";
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- HTTP side -------------------------------------------------------------------------------------------

    /** {@code POST /state}. */
    public void offerState(byte[] tick) throws IOException {
        data.offer(tick);
    }

    /** {@code GET /data-status} (gentrx.md §2.1). */
    public JsonObject dataStatus() {
        DataView view = data.view();
        JsonObjectBuilder books = Json.createObjectBuilder();
        view.pagesByBook().forEach((name, pages) -> {
            var parquets = Json.createArrayBuilder();
            pages.forEach(p -> parquets.add(Json.createArrayBuilder().add(p.fileName()).add(p.firstTs())
                    .add(p.lastTs())));
            books.add(name, Json.createObjectBuilder().add("parquets", parquets)
                    .add("max_ts", view.maxTsByBook().getOrDefault(name, 0L)));
        });
        return Json.createObjectBuilder()
                .add("max_ts", view.maxTs())
                .add("version", head.version())
                .add("round", aggRound())
                .add("bucket_prefix", layout.prefix())
                .add("books", books)
                .build();
    }

    /** {@code POST /round}: installs the round's assignments; returns how many. */
    public int pushRound(RoundPlan plan) throws IOException {
        synchronized (lock) {
            if (warmupAnchor < 0) {
                warmupAnchor = plan.round();
            }
            List<Long> dropped = book.install(plan, clock.instant());
            dropped.forEach(r -> received.keySet().removeIf(k -> k.round() == r));
            persistLocked();
        }
        log.append("round_delivered", Json.createObjectBuilder().add("round", plan.round())
                .add("n_assignments", plan.assignments().size()).add("block", plan.block()).build());
        return plan.assignments().size();
    }

    /** {@code GET /scores?since_round=N}: the oldest stashed payload of a round after N. */
    public Optional<String> scoresAfter(long sinceRound) {
        synchronized (lock) {
            SortedMap<Long, String> newer = stash.tailMap(sinceRound + 1);
            return newer.isEmpty() ? Optional.empty() : Optional.of(newer.get(newer.firstKey()));
        }
    }

    public long version() {
        return head.version();
    }

    public long aggRound() {
        synchronized (lock) {
            return book.aggRound();
        }
    }

    /** {@code GET /assignment?miner_uid=N}: the miner's assignment in the current round, as pushed. */
    public Optional<String> assignment(int uid) {
        synchronized (lock) {
            return book.entry(book.aggRound()).map(e -> e.slots().get(uid)).map(s -> s.assignment().body());
        }
    }

    /** {@code POST /register_bucket/{uid}}. */
    public void registerBucket(int uid, StorageBackend bucket) {
        buckets.register(uid, bucket);
    }

    public RoundStats lastStats() {
        return lastStats;
    }

    public long roundsAggregated() {
        synchronized (lock) {
            return roundsAggregated;
        }
    }

    public long rollbacks() {
        synchronized (lock) {
            return rollbacks;
        }
    }

    /** The state of one miner's slot, for tests and diagnostics. */
    public Optional<AssignmentState> state(long round, int uid) {
        synchronized (lock) {
            return book.entry(round).map(e -> e.slots().get(uid)).map(MinerSlot::state);
        }
    }

    // ---- worker side -----------------------------------------------------------------------------------------

    /** One loop pass: data upkeep, gradient collection, eager scoring, draining closed rounds. */
    public void tick() throws IOException {
        data.maintain();
        collect();
        scoreReceived();
        List<Long> due;
        synchronized (lock) {
            long current = head.version();
            boolean rolled = book.entry(book.aggRound()).map(e -> e.slots().values().stream()
                    .mapToLong(slot -> slot.assignment().modelVersion()).max().orElse(current) < current)
                    .orElse(false);
            due = book.due(clock.instant(), settings.timing(), rolled);
        }
        for (long round : due) {
            drain(round);
        }
        persist();
    }

    /** Persists the round state and the data staging; called on shutdown. */
    public void persistAll() throws IOException {
        persist();
        data.persist();
    }

    private void collect() {
        List<MinerSlot> awaiting;
        synchronized (lock) {
            awaiting = book.awaitingGradient();
        }
        for (MinerSlot slot : awaiting) {
            Assignment a = slot.assignment();
            String key = layout.gradient(a.minerUid(), a.round());
            Optional<StorageBackend> bucket = buckets.bucket(a.minerUid());
            if (bucket.isEmpty()) {
                continue;
            }
            Optional<ScoreCard> refused;
            Gradient gradient = null;
            try {
                Optional<InputStream> in = bucket.get().get(key);
                if (in.isEmpty()) {
                    continue; // NoSuchKey: not yet
                }
                byte[] bytes;
                try (InputStream stream = in.get()) {
                    bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxGradientBytes() + 1));
                }
                if (bytes.length > settings.maxGradientBytes()) {
                    refused = Optional.of(ScoreCard.zero(a.minerUid(), a.books(), key + " is larger than "
                            + settings.maxGradientBytes() + " bytes"));
                } else {
                    gradient = GradientCodec.decode(bytes, head.layout(), settings.maxGradientBytes(), key);
                    refused = Optional.empty();
                }
            } catch (IOException | RuntimeException e) {
                // any error other than a missing key fails the key for the rest of the round (§5)
                refused = Optional.of(ScoreCard.zero(a.minerUid(), a.books(), key + ": " + e.getMessage()));
            }
            synchronized (lock) {
                if (book.entry(a.round()).map(e -> e.slots().get(a.minerUid())).map(MinerSlot::state)
                        .orElse(null) != AssignmentState.DELIVERED) {
                    continue; // dropped or resynced meanwhile
                }
                if (refused.isPresent()) {
                    book.scored(a.round(), a.minerUid(), refused.get());
                } else {
                    book.gradientIn(a.round(), a.minerUid());
                    received.put(new SlotKey(a.round(), a.minerUid()), gradient);
                }
            }
            log.append("gradient_received", Json.createObjectBuilder().add("round", a.round())
                    .add("miner_uid", a.minerUid()).add("ok", refused.isEmpty()).build());
        }
    }

    private void scoreReceived() throws IOException {
        List<MinerSlot> toScore = new ArrayList<>();
        synchronized (lock) {
            for (RoundEntry entry : book.entries()) {
                entry.ordered().stream().filter(s -> s.state() == AssignmentState.GRADIENT_IN).forEach(toScore::add);
            }
        }
        for (MinerSlot slot : toScore) {
            Assignment a = slot.assignment();
            Gradient gradient;
            synchronized (lock) {
                gradient = received.get(new SlotKey(a.round(), a.minerUid()));
            }
            if (gradient == null) {
                continue;
            }
            HeldOut held = heldOut(a.round());
            ScoreCard card = scorer.score(withFullKeys(a), gradient, head.weights(), held, warmup(a.round()));
            synchronized (lock) {
                if (book.entry(a.round()).map(e -> e.slots().get(a.minerUid())).map(MinerSlot::state)
                        .orElse(null) == AssignmentState.GRADIENT_IN) {
                    book.scored(a.round(), a.minerUid(), card);
                }
            }
            log.append("gradient_score", Json.createObjectBuilder().add("round", a.round())
                    .add("miner_uid", a.minerUid()).add("score", JsonNumbers.finite(card.score()))
                    .add("score_own", JsonNumbers.finite(card.scoreOwn()))
                    .add("score_held", JsonNumbers.finite(card.scoreHeld())).add("accepted", card.accepted())
                    .build());
        }
    }

    private boolean warmup(long round) {
        synchronized (lock) {
            return warmupAnchor < 0 || round < warmupAnchor + settings.rules().warmupRounds();
        }
    }

    /** The round's held-out pages and baseline, computed once per (round, model version). */
    /**
     * The assignment with its data keys under this server's shard prefix: validators push them relative to it (as the
     * reference does, gentrx.md §1.4), while the pages live at full keys — the held-out ones come from the page
     * registry with theirs.
     */
    private Assignment withFullKeys(Assignment a) {
        List<String> keys = a.dataKeys().stream()
                .map(key -> key.startsWith(layout.prefix()) ? key : layout.full(key)).toList();
        return new Assignment(a.minerUid(), a.round(), a.modelVersion(), a.books(), keys, a.tsStartNs(),
                a.tsEndNs(), a.body());
    }

    private HeldOut heldOut(long round) throws IOException {
        RoundEntry entry;
        synchronized (lock) {
            if (heldOutVersion != head.version()) {
                heldOutCache.clear();
                heldOutVersion = head.version();
            }
            HeldOut cached = heldOutCache.get(round);
            if (cached != null) {
                return cached;
            }
            entry = book.entry(round).orElse(null);
        }
        List<String> keys = entry == null ? List.of()
                : heldOutPages(data.view(), entry.heldOutBooks(), entry.windowStartNs(), entry.windowEndNs());
        HeldOut held = scorer.heldOut(head.weights(), keys);
        synchronized (lock) {
            heldOutCache.put(round, held);
        }
        return held;
    }

    /**
     * Held-out pages (gentrx.md §6.1): pages of the held-out books overlapping the forward window
     * {@code (windowEnd, maxTs]}; else the round's own window; else the newest {@value ServerSettings#FALLBACK_HELD_PAGES}
     * per book.
     */
    static List<String> heldOutPages(DataView view, List<String> books, long windowStart, long windowEnd) {
        List<String> forward = new ArrayList<>();
        List<String> window = new ArrayList<>();
        List<String> newest = new ArrayList<>();
        for (String name : books) {
            List<PageRef> pages = view.pages(name);
            for (PageRef p : pages) {
                if (p.overlaps(windowEnd, view.maxTs())) {
                    forward.add(p.key());
                }
                if (p.overlaps(windowStart - 1, windowEnd)) {
                    window.add(p.key());
                }
            }
            pages.stream().sorted(Comparator.comparingLong(PageRef::lastTs).reversed())
                    .limit(ServerSettings.FALLBACK_HELD_PAGES).map(PageRef::key).forEach(newest::add);
        }
        return !forward.isEmpty() ? forward : !window.isEmpty() ? window : newest;
    }

    /** Closes a round: stragglers score 0, the accepted deltas aggregate, the model commits or rolls back. */
    private void drain(long round) throws IOException {
        long started = System.nanoTime();
        RoundEntry entry;
        Map<Integer, Gradient> gradients = new TreeMap<>();
        synchronized (lock) {
            RoundEntry held = book.entry(round).orElse(null);
            if (held == null) {
                return;
            }
            for (MinerSlot slot : held.ordered()) {
                Assignment a = slot.assignment();
                if (slot.open()) {
                    book.scored(round, a.minerUid(), ScoreCard.zero(a.minerUid(), a.books(),
                            slot.state() == AssignmentState.DELIVERED ? "no gradient before the round closed"
                                    : "not scored before the round closed"));
                }
                Gradient g = received.remove(new SlotKey(round, a.minerUid()));
                if (g != null) {
                    gradients.put(a.minerUid(), g);
                }
            }
            entry = book.remove(round);
            heldOutCache.remove(round);
        }
        boolean warmup = warmup(round);
        List<ScoreCard> cards = new ArrayList<>(entry.ordered().stream().map(s -> s.score().orElseThrow()).toList());
        List<Integer> acceptedUids = cards.stream().filter(ScoreCard::accepted).map(ScoreCard::minerUid)
                .filter(gradients::containsKey).toList();
        double lossBefore = Double.NaN;
        double lossAfter = Double.NaN;
        double lossBaseline = Double.NaN;
        List<String> validatedOn = List.of();
        boolean rolledBack = false;
        long versionBefore = head.version();
        if (!acceptedUids.isEmpty()) {
            List<SparseDelta> deltas = acceptedUids.stream().map(uid -> gradients.get(uid).delta()).toList();
            SparseDelta aggregate = aggregator.mean(deltas, head.layout());
            GradientMetadata first = gradients.get(acceptedUids.getFirst()).metadata();
            int steps = acceptedUids.stream().mapToInt(uid -> gradients.get(uid).metadata().stepsTrained()).sum();
            publisher.proposal(round, new Gradient(new GradientMetadata(round, settings.validatorUid(), steps,
                    first.lossBefore(), first.lossAfter(), List.of(), first.modelVersionTrained()), aggregate));
            List<String> keys = heldOutPages(data.view(), entry.heldOutBooks(), entry.windowStartNs(),
                    entry.windowEndNs());
            TensorSet after = Weights.plus(head.weights(), aggregate);
            boolean commit;
            boolean localWon = true;
            validatedOn = keys;
            if (keys.isEmpty()) {
                commit = Weights.allFinite(after); // no validation data: applied unchecked (§6.5)
            } else {
                lossBefore = scorer.heldLoss(head.weights(), keys);
                lossAfter = scorer.heldLoss(after, keys);
                if (baseline.isPresent()) {
                    lossBaseline = scorer.heldLoss(baseline.get(), keys);
                }
                if (settings.aggregator()) {
                    // §6.4: other validators' proposals for the round; strictly lower loss wins, the local one first
                    double localNorm = Weights.norm(aggregate);
                    for (SparseDelta proposal : proposals(round, localNorm)) {
                        TensorSet candidate = Weights.plus(head.weights(), proposal);
                        double loss = scorer.heldLoss(candidate, keys);
                        if (loss < lossAfter) {
                            lossAfter = loss;
                            after = candidate;
                            aggregate = proposal;
                            localWon = false;
                        }
                    }
                }
                commit = Weights.allFinite(after)
                        && CommitRule.commits(lossBefore, lossAfter, settings.rollback() && !warmup);
            }
            if (commit) {
                Checkpoint next = head.advance(after);
                saveModel(next);
                if (settings.aggregator()) {
                    publisher.version(next, aggregate);
                }
            } else {
                rolledBack = true;
                for (int i = 0; i < cards.size() && localWon; i++) {
                    if (cards.get(i).accepted()) {
                        cards.set(i, cards.get(i).withRollbackWinner());
                    }
                }
            }
        }
        long accepted = cards.stream().filter(ScoreCard::accepted).count();
        long scored = cards.stream().filter(c -> c.rejection().isEmpty()).count();
        double seconds = (System.nanoTime() - started) / 1e9;
        String payload;
        synchronized (lock) {
            if (!acceptedUids.isEmpty()) {
                if (rolledBack) {
                    rollbacks++;
                } else {
                    roundsAggregated++;
                }
            }
            JsonObject aggregation = Json.createObjectBuilder()
                    .add("round", round)
                    .add("n_assigned", cards.size())
                    .add("n_scored", scored)
                    .add("n_accepted", accepted)
                    .add("loss_before", JsonNumbers.finite(lossBefore))
                    .add("loss_after", JsonNumbers.finite(lossAfter))
                    .add("validated", !validatedOn.isEmpty())
                    .add("loss_improvement_pct", JsonNumbers.finite(
                            lossBefore > 0 ? (lossBefore - lossAfter) / lossBefore * 100 : 0))
                    .add("rolled_back", rolledBack)
                    .add("version", head.version())
                    .add("t_total_s", seconds)
                    .build();
            if (baseline.isPresent()) {
                aggregation = Json.createObjectBuilder(aggregation)
                        .add("loss_baseline", JsonNumbers.finite(lossBaseline)).build();
            }
            lastAggregation = aggregation.toString();
            payload = ScoresPayload.of(round, versionBefore, cards, aggregation, roundsAggregated, rollbacks,
                    settings).toString();
            stash.put(round, payload);
            while (stash.size() > ServerSettings.STASHED_ROUNDS) {
                stash.remove(stash.firstKey());
            }
            lastStats = new RoundStats(round, head.version(), cards, accepted, scored, lossBefore, lossAfter,
                    seconds, roundsAggregated, rollbacks, validatedOn, lossBaseline);
            persistLocked();
            log.append("aggregation", aggregation);
        }
        LOG.log(System.Logger.Level.INFO, "round " + round + ": " + accepted + " of " + cards.size()
                + " accepted, " + (rolledBack ? "rolled back" : "version " + head.version()));
    }

    /**
     * Other validators' proposals for {@code round} that decode against the model's layout and whose norm is at most
     * {@value #PROPOSAL_NORM_RATIO} times the local aggregate's; absent or broken ones are skipped.
     */
    private List<SparseDelta> proposals(long round, double localNorm) {
        List<SparseDelta> found = new ArrayList<>();
        for (int uid : proposalValidators) {
            Optional<StorageBackend> bucket = buckets.bucket(uid);
            if (bucket.isEmpty()) {
                continue;
            }
            String key = layout.proposal(uid, round);
            try {
                Optional<InputStream> in = bucket.get().get(key);
                if (in.isEmpty()) {
                    continue;
                }
                byte[] bytes;
                try (InputStream stream = in.get()) {
                    bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxGradientBytes() + 1));
                }
                if (bytes.length > settings.maxGradientBytes()) {
                    LOG.log(System.Logger.Level.WARNING, "proposal " + key + " exceeds the gradient byte cap");
                    continue;
                }
                SparseDelta proposal = GradientCodec.decode(bytes, head.layout(), settings.maxGradientBytes(), key)
                        .delta();
                if (Weights.norm(proposal) > PROPOSAL_NORM_RATIO * localNorm) {
                    LOG.log(System.Logger.Level.INFO, "proposal " + key + " skipped: norm above "
                            + PROPOSAL_NORM_RATIO + " x the local aggregate's");
                    continue;
                }
                found.add(proposal);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "proposal " + key + " unreadable: " + e.getMessage());
            }
        }
        return found;
    }

    private void saveModel(Checkpoint checkpoint) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckpointWriter.write(checkpoint, bytes);
        AtomicFiles.write(stateDir.resolve(MODEL_FILE), bytes.toByteArray());
    }

    private void persist() throws IOException {
        synchronized (lock) {
            persistLocked();
        }
    }

    private void persistLocked() throws IOException {
        store.save(new ServerSnapshot(book.aggRound(), warmupAnchor, roundsAggregated, rollbacks, book.entries(),
                stash, lastAggregation));
    }

    /** Wiring of a server; the model comes from the state directory when a previous run committed one. */
    public static final class Builder {
        private ServerSettings settings;
        private StorageLayout layout;
        private StorageBackend ownBucket;
        private MinerBuckets buckets;
        private DataFeed data;
        private Evaluator evaluator;
        private InstantSource clock = InstantSource.system();
        private Path stateDir;
        private Path initialCheckpoint;
        private List<Integer> proposalValidators = List.of();
        private TensorSet baseline;

        public Builder settings(ServerSettings v) { settings = v; return this; }
        public Builder layout(StorageLayout v) { layout = v; return this; }
        public Builder ownBucket(StorageBackend v) { ownBucket = v; return this; }
        public Builder minerBuckets(MinerBuckets v) { buckets = v; return this; }
        public Builder data(DataFeed v) { data = v; return this; }
        public Builder evaluator(Evaluator v) { evaluator = v; return this; }
        public Builder clock(InstantSource v) { clock = v; return this; }
        public Builder stateDir(Path v) { stateDir = v; return this; }
        /** The model to start from on a fresh state directory ({@code --checkpoint}). */
        public Builder initialCheckpoint(Path v) { initialCheckpoint = v; return this; }

        /** Validators whose proposals the aggregator weighs against its own (read from their buckets). */
        public Builder proposalValidators(List<Integer> v) { proposalValidators = List.copyOf(v); return this; }

        /**
         * A fixed model (e.g. the seed) also measured on every round's held-out pages, so that how far the published
         * model has come is read on the same pages ({@code loss_baseline} in aggregation.jsonl).
         */
        public Builder baseline(TensorSet v) { baseline = v; return this; }

        public GradientServer build() throws IOException {
            for (Object part : new Object[] {settings, layout, ownBucket, buckets, data, evaluator, stateDir}) {
                if (part == null) {
                    throw new IllegalStateException("gradient server is missing a part: settings, layout, own "
                            + "bucket, miner buckets, data, evaluator and state dir are all required");
                }
            }
            Files.createDirectories(stateDir);
            Path saved = stateDir.resolve(MODEL_FILE);
            Path model = Files.exists(saved) ? saved : initialCheckpoint;
            if (model == null || !Files.exists(model)) {
                throw new IOException("no model: " + saved + " does not exist and the initial checkpoint "
                        + (model == null ? "was not given" : model + " does not exist"));
            }
            Checkpoint checkpoint = CheckpointReader.read(model, Optional.empty());
            return new GradientServer(this, new ModelHead(checkpoint), new StateStore(stateDir).load());
        }
    }
}
