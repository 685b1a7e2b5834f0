package io.mvtrx.runtime.wire.validator;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wire.AccountChanges;
import io.mvtrx.runtime.wire.BodyHash;
import io.mvtrx.runtime.wire.BooksReference;
import io.mvtrx.runtime.wire.Check;
import io.mvtrx.runtime.wire.NonceClock;
import io.mvtrx.runtime.wire.WireSignature;
import io.mvtrx.runtime.wire.codec.AccountsBase;
import io.mvtrx.runtime.wire.codec.AgentReplyReader;
import io.mvtrx.runtime.wire.codec.BookCodec;
import io.mvtrx.runtime.wire.codec.BooksCompression;
import io.mvtrx.runtime.wire.codec.AssignmentCodec;
import io.mvtrx.runtime.wire.codec.NoticeCodec;
import io.mvtrx.runtime.wire.codec.StateCodec;
import io.mvtrx.runtime.wire.codec.WireFormatException;
import io.mvtrx.runtime.wire.proto.MinerGrpc;
import io.mvtrx.runtime.wire.proto.MinerProto;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The validator's side of the wire: each step it serializes the books once, builds each miner's payload (that
 * miner's accounts and notices only), signs one request per miner with the validator hotkey, and starts every
 * miner's call. Encoding, signing and starting the calls run on a fixed pool of
 * {@link FanoutConfig#prepareThreads()} platform threads (CPU work, so no more threads than cores help), in this
 * order: the books' parts, every payload (a payload needs nothing of the books; the miners that get the books inline
 * first), and each request's signature once its payload is written; the calling thread meanwhile puts the books
 * together, compresses and hashes them, one thread's work that would otherwise leave a prepare thread idle. The calls
 * are asynchronous, so no thread waits on a miner, and each answer is timed and decoded on the gRPC thread that
 * receives it.
 *
 * <p>When a call starts ({@link FanoutConfig#sendWhenSigned()}): by default as soon as its request is signed, on the
 * thread that signed it, so that each miner gets its request as early as it can (the last one no later than when
 * every request is signed first: the same work, measured in doc/benchmarks.md). With miners sharing this host's cores
 * at the validator's priority (a local network in one process) that makes the rest of the preparation compete for the
 * CPU with the answers already being computed; measured on two cores, the last request then went out 94 ms after the
 * step began instead of 72 ms, so there every request is signed before the first call starts.
 *
 * <p>Deadlines: each call gets {@code min(perCallTimeout, time left of globalTimeout)}; a miner that has not answered
 * by then, or by the global deadline, is reported as {@link ResultKind#TIMEOUT}. The call itself is not cancelled
 * then: it may run {@link #LINGER_NANOS} longer, so that a late answer ends its stream normally. Cancelling raced the
 * miner's answer: the client then resets a stream the miner's server (Helidon 4.5) has already finished, which that
 * server takes as a connection error (GOAWAY PROTOCOL_ERROR) failing the miner's next call as well. Every miner gets a
 * {@link MinerResult}, in the order given, with its response time in ns, counted from the moment its call starts. A
 * request larger than the outbound limit is not sent ({@code FAILED}, {@code RESOURCE_EXHAUSTED}); a reply larger
 * than the inbound limit is refused by the channel ({@code FAILED}, {@code RESOURCE_EXHAUSTED}).
 *
 * <p>The books once per miner process ({@link FanoutConfig#booksByReference()}, doc/wire.md): each answer names
 * the miner process's books cache; the next step sends the books inline to the first miner of each cache and host
 * (and to miners not heard from yet), starts those calls first, and names the books by their SHA-256 in every other
 * request. A miner answering that the named books never reached its process is sent them inline at once, its response
 * time counted from that second request.
 *
 * <p>Open orders as changes ({@link FanoutConfig#accountChanges()}, doc/wire.md): a miner's reply names the request
 * whose accounts it keeps; the next step writes that miner's open orders as changes to the accounts that request
 * carried. A miner answering that it does not hold them is sent the request again at once with its accounts whole
 * and the books inline, its response time counted from that request.
 *
 * <p>Thread-safe, though one step at a time is the intended use. Channels are kept per uid across steps and
 * replaced when a uid's hotkey or axon changes. Cost per step: one books serialization (and compression, in parts),
 * a SHA-256 pass over the books for the body hash and, by reference, one for their name, plus per miner its payload
 * (written straight from the records), a digest of the payload (finished from a copy of the digest state after the
 * books), an Ed25519 signature, and the copy of its request into the transport's buffers (measured in
 * doc/benchmarks.md).
 */
public final class Fanout implements AutoCloseable {

    private static final String RESPOND = MinerGrpc.getRespondMethod().getBareMethodName();

    /** How long past the global deadline the collector waits for results still being completed. */
    private static final long COLLECT_GRACE_NANOS = 250_000_000L;

    /** The digest state of a request whose books go by reference: both books fields empty. */
    private static final BodyHash.Prefix NO_BOOKS = BodyHash.prefix(ByteString.EMPTY, ByteString.EMPTY);

    /** How long a call may outlive its deadline (the result is TIMEOUT by then) before gRPC cancels it. */
    static final long LINGER_NANOS = 2_000_000_000L;
    /**
     * Books per part of a step's books (encoded and compressed apart, in parallel): 8 parts at 128 books, each of
     * a few hundred KB — enough to keep two threads busy and the one joining them hashing while later parts are
     * made, and large enough that zstd compresses a part about as well as the whole.
     */
    static final int BOOKS_PER_PART = 16;

    private final Keypair hotkey;
    private final FanoutConfig config;
    private final NonceClock nonces;
    private final ExecutorService preparers;
    /** Completes a call's result as TIMEOUT at its deadline, while the call itself lingers. */
    private final ScheduledThreadPoolExecutor timers;
    private final Map<Integer, MinerClient> clients = new ConcurrentHashMap<>();
    /** Where each miner keeps the books, from its last finished call. */
    private final Map<Integer, BooksHome> homes = new ConcurrentHashMap<>();
    /** The accounts each miner keeps, from its last call answered with {@code accounts_kept}. */
    private final Map<Integer, KeptBase> bases = new ConcurrentHashMap<>();
    private final AtomicLong booksEncoded = new AtomicLong();
    private volatile StepTiming lastTiming = StepTiming.NONE;

    /** Queries miners as {@code hotkey} (which must hold its private half), nonces read from {@code clock}. */
    public Fanout(Keypair hotkey, FanoutConfig config, InstantSource clock) {
        if (!hotkey.canSign()) {
            throw new IllegalArgumentException("validator hotkey " + hotkey.address() + " has no private half");
        }
        this.hotkey = hotkey;
        this.config = config;
        this.nonces = new NonceClock(clock);
        this.preparers = Executors.newFixedThreadPool(config.prepareThreads(),
                Thread.ofPlatform().name("fanout-prepare-", 0).daemon(true).factory());
        this.timers = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("fanout-timer").daemon(true)
                .factory());
        timers.setRemoveOnCancelPolicy(true); // most calls answer in time: drop their timers at once
    }

    /**
     * Prepares and sends one step to {@code miners}: the books are encoded once, each miner's request is encoded
     * and signed on the prepare threads, and each call is started once its request is signed (or, without
     * {@link FanoutConfig#sendWhenSigned()}, once all are). The global deadline counts
     * from this call, preparation included; a miner's response time counts from the moment its own call starts. A
     * request that could not be prepared fails that miner only.
     */
    public List<MinerResult> query(Step step, List<MinerTarget> miners) {
        return query(step, miners, () -> { });
    }

    /**
     * As {@link #query(Step, List)}, running {@code whileWaiting} on the calling thread once every call is started,
     * before the answers are collected: the caller's own work that needs none of them (the validator's scoring) then
     * overlaps the miners' answering instead of following it. Answers arriving meanwhile are timed as ever, on the
     * transport's threads. If it throws, the calls run out on their own deadlines and that is thrown.
     */
    public List<MinerResult> query(Step step, List<MinerTarget> miners, Runnable whileWaiting) {
        long start = System.nanoTime();
        long deadline = start + config.globalTimeout().toNanos();
        Underway underway = begin(step, miners, config.accountChanges());
        long booksDone = System.nanoTime();
        List<Call> calls = new ArrayList<>(miners.size());
        for (MinerTarget miner : miners) {
            calls.add(new Call(miner.uid()));
        }
        AtomicLong allSigned = new AtomicLong(booksDone);
        AtomicLong lastStart = new AtomicLong(booksDone);
        List<CompletableFuture<Void>> started = new ArrayList<>(miners.size());
        for (int i : underway.order()) {
            MinerTarget miner = miners.get(i);
            Call call = calls.get(i);
            started.add(underway.signed().get(i).handle((prepared, failure) -> {
                allSigned.accumulateAndGet(System.nanoTime(), Math::max);
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    call.result.complete(MinerResult.of(call.uid, ResultKind.FAILED, Status.INTERNAL
                            .withDescription("query failed: " + cause), Optional.empty(), System.nanoTime() - start));
                    return null;
                }
                arm(call, prepared, underway.shared(), miner);
                if (config.sendWhenSigned()) {
                    start(call, deadline);
                    lastStart.accumulateAndGet(System.nanoTime(), Math::max);
                }
                return null;
            }));
        }
        for (CompletableFuture<Void> future : started) {
            awaitStarted(future);
        }
        if (!config.sendWhenSigned()) {
            lastStart.set(startAll(calls, deadline));
        }
        whileWaiting.run();
        List<MinerResult> results = collect(calls, start, deadline);
        lastTiming = timing(booksDone - start, allSigned.get() - start, lastStart.get() - start, calls,
                underway.shared().sent().size());
        return results;
    }

    /**
     * Gives a call its signed request, the accounts it carries, and the requests to send instead when the miner
     * answers that it never got the books its request names or does not hold the accounts it names as the base.
     */
    private void arm(Call call, Signed prepared, Shared shared, MinerTarget miner) {
        call.request = prepared.addressed();
        call.accounts = shared.step().accounts().getOrDefault(miner.uid(), Map.of());
        call.changes = prepared.changes();
        if (call.request.byReference()) {
            ByteString payload = call.request.request().getMinerPayload(); // signed again, not re-encoded
            call.inlineAgain = () -> signed(shared, nonces.next(), miner, true, payload);
        }
        if (prepared.changes()) {
            call.wholeAgain = () -> signed(shared, nonces.next(), miner, true,
                    payload(shared.step(), shared.simulation(), miner, null).bytes());
        }
    }

    /** A step under way: what its requests share, and every miner's request being signed, in miner order. */
    private record Underway(Shared shared, int[] order, List<CompletableFuture<Signed>> signed) {
    }

    /**
     * Starts a step on the prepare threads: the books' parts, then every payload (the books' carriers first), while
     * this thread puts the books together; then each request's signing, queued once its payload is written. Returns
     * once the books are shared.
     */
    private Underway begin(Step step, List<MinerTarget> miners, boolean changes) {
        List<Future<BooksPart>> books = submitBooks(step.books());
        ByteString simulation = StateCodec.encode(step.simulation()).toByteString();
        boolean[] inline = inline(miners);
        int[] order = carriersFirst(inline);
        List<CompletableFuture<StateCodec.EncodedPayload>> payloads = submitPayloads(step, simulation, miners,
                changes, order);
        Shared shared = share(step, miners, books, simulation, inline);
        return new Underway(shared, order, submitSigning(shared, miners, payloads, order));
    }

    /**
     * The miners' positions, those that get the books inline first (each in the given order): their payloads are
     * written, signed and sent first, so that the books reach each miner process before the requests naming them.
     */
    private static int[] carriersFirst(boolean[] inline) {
        int[] order = new int[inline.length];
        int next = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < inline.length; i++) {
                if (inline[i] == (pass == 0)) {
                    order[next++] = i;
                }
            }
        }
        return order;
    }

    /** Waits until a call was started (or its result completed instead). */
    private static void awaitStarted(CompletableFuture<Void> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("starting a call failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the calls were being started");
        }
    }

    /**
     * Serializes the books once and signs one request per miner, on the prepare threads; nothing is sent. For a
     * given clock the requests are the same bytes whatever the number of prepare threads: nonces are reserved in
     * miner order before any request is signed, and Ed25519 signatures are deterministic. The accounts travel whole:
     * a prepared request is sent as it is, never again with other contents.
     */
    public PreparedStep prepare(Step step, List<MinerTarget> miners) {
        Underway underway = begin(step, miners, false);
        List<PreparedStep.Addressed> requests = new ArrayList<>(miners.size());
        for (Future<Signed> future : underway.signed()) {
            requests.add(await(future).addressed());
        }
        Shared shared = underway.shared();
        return new PreparedStep(shared.books(), shared.sent(), requests);
    }

    /**
     * Sends prepared requests to their miners in parallel and collects one result per miner, in order. A prepared
     * request that names its books by hash is not sent again with them: a miner answering that they never reached its
     * process is reported {@code FAILED} ({@code FAILED_PRECONDITION}).
     */
    public List<MinerResult> send(PreparedStep step) {
        long start = System.nanoTime();
        long deadline = start + config.globalTimeout().toNanos();
        List<Call> calls = new ArrayList<>(step.requests().size());
        for (PreparedStep.Addressed addressed : step.requests()) {
            Call call = new Call(addressed.target().uid());
            call.request = addressed;
            calls.add(call);
        }
        long lastStart = startAll(calls, deadline);
        List<MinerResult> results = collect(calls, start, deadline);
        lastTiming = timing(0, 0, lastStart - start, calls, step.booksSent().size());
        return results;
    }

    /** A step's timing, with the bytes its calls sent and how many requests carried the books. */
    private static StepTiming timing(long books, long prepared, long lastStart, List<Call> calls, long booksSent) {
        long bytes = 0;
        int inline = 0;
        int resent = 0;
        int changes = 0;
        int wholeAgain = 0;
        for (Call call : calls) {
            bytes += call.bytesSent.get();
            if (call.request != null && !call.request.byReference() && call.bytesSent.get() > 0) {
                inline++;
            }
            if (call.resent) {
                resent++;
            }
            if (call.changes) {
                changes++;
            }
            if (call.sentWhole) {
                wholeAgain++;
            }
        }
        return new StepTiming(books, prepared, Math.max(0, lastStart), bytes, booksSent, inline, resent, changes,
                wholeAgain);
    }

    /**
     * Where the validator's own time went in the last {@link #query} (or {@link #send}), from its start: the books
     * encoded, every request signed, the last call started. The part of a step that no miner's response time covers
     * is at least {@code lastCallStartedNanos}.
     *
     * @param booksNanos           until the books were encoded
     * @param preparedNanos        until every request was encoded and signed
     * @param lastCallStartedNanos until the last call was started
     * @param requestBytes         the serialized bytes of the requests sent, all miners together
     * @param booksSentBytes       the books as a request carries them inline (the zstd frame, or the plain books)
     * @param booksInline          requests sent with the books inline (the others named them by hash)
     * @param booksResent          miners that could not resolve the hash and were sent the books inline after all
     * @param accountChanges       requests whose payload carried open orders as changes to the accounts the miner
     *                             kept (as last sent; a miner sent its accounts whole again is not counted)
     * @param accountsResentWhole  miners that did not hold the accounts named as the base and were sent them whole
     */
    public record StepTiming(long booksNanos, long preparedNanos, long lastCallStartedNanos, long requestBytes,
                             long booksSentBytes, int booksInline, int booksResent, int accountChanges,
                             int accountsResentWhole) {
        static final StepTiming NONE = new StepTiming(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The timing of the last step queried or sent; zeros before the first. */
    public StepTiming lastTiming() {
        return lastTiming;
    }

    /**
     * One miner's call in a step: its request, the gRPC call once started, and the result once known. A call whose
     * request names the books by hash may be started again, with them inline, when the miner could not resolve the
     * hash; one whose open orders are changes, again with the accounts whole (and the books inline) when the miner
     * does not hold the base.
     */
    private static final class Call {
        final int uid;
        final CompletableFuture<MinerResult> result = new CompletableFuture<>();
        final AtomicLong bytesSent = new AtomicLong();
        volatile PreparedStep.Addressed request;
        /** The accounts the request carries (whole or as changes); null for a prepared step sent as it is. */
        volatile Map<Integer, Account> accounts;
        /** Whether the request's open orders are changes to the accounts the miner kept. */
        volatile boolean changes;
        /** The same request with the books inline, signed anew when asked; null when there is none to send. */
        volatile Supplier<PreparedStep.Addressed> inlineAgain;
        /** The request with the accounts whole and the books inline; null when there is none to send. */
        volatile Supplier<PreparedStep.Addressed> wholeAgain;
        volatile boolean resent;
        volatile boolean sentWhole;
        volatile ListenableFuture<AgentReplyReader.Reply> rpc;

        Call(int uid) {
            this.uid = uid;
        }

        void cancel() {
            ListenableFuture<AgentReplyReader.Reply> started = rpc;
            if (started != null) {
                started.cancel(true);
            }
        }
    }

    /**
     * Starts every prepared call, spread over the prepare threads (starting a call copies its request into the
     * transport's buffers), and returns when all are started: the {@link System#nanoTime} of the last start. Calls
     * carrying the books start first, so that the books reach each miner process before the calls that name them.
     */
    private long startAll(List<Call> calls, long deadline) {
        AtomicLong lastStart = new AtomicLong(System.nanoTime());
        List<Future<?>> starting = new ArrayList<>(calls.size());
        List<Call> inlineFirst = new ArrayList<>(calls.size());
        for (Call call : calls) {
            if (call.request != null && !call.request.byReference()) {
                inlineFirst.add(call);
            }
        }
        for (Call call : calls) {
            if (call.request != null && call.request.byReference()) {
                inlineFirst.add(call);
            }
        }
        for (Call call : inlineFirst) {
            if (!call.result.isDone()) {
                starting.add(preparers.submit(() -> {
                    start(call, deadline);
                    lastStart.accumulateAndGet(System.nanoTime(), Math::max);
                }));
            }
        }
        for (Future<?> future : starting) {
            await(future);
        }
        return lastStart.get();
    }

    /**
     * What every miner's request of one step shares: the books bytes, their zstd frame when they travel compressed
     * (else empty), the digest state after both, the SHA-256 naming the books as sent (empty when they always travel
     * inline), which miners get them inline, and the first of a block of nonces reserved for the step, one per miner
     * in miner order.
     */
    private record Shared(Step step, ByteString books, ByteString booksZstd, BodyHash.Prefix booksHash,
                          ByteString sha256, boolean[] inline, ByteString simulation, long firstNonce) {

        boolean compressed() {
            return !booksZstd.isEmpty();
        }

        /** What each request carries for the books. */
        ByteString sent() {
            return compressed() ? booksZstd : books;
        }
    }

    /**
     * What the requests share, the books put together from their parts (each encoded, and compressed, on a prepare
     * thread) on the calling thread: the parts are taken in order as they are done, hashed for the books' name as
     * they come, and joined without copying; the body hash's digest state then takes one pass over the whole.
     */
    private Shared share(Step step, List<MinerTarget> miners, List<Future<BooksPart>> parts, ByteString simulation,
                         boolean[] inline) {
        boolean compress = config.compressBooks();
        BooksReference.Digest name = config.booksByReference() ? BooksReference.digest() : null;
        List<ByteString> plain = new ArrayList<>(parts.size());
        List<ByteString> frames = new ArrayList<>(compress ? parts.size() : 0);
        for (Future<BooksPart> future : parts) {
            BooksPart part = await(future);
            plain.add(part.plain());
            if (compress) {
                frames.add(part.zstd());
            }
            if (name != null) {
                name.add(compress ? part.zstd() : part.plain());
            }
        }
        ByteString books = ByteString.copyFrom(plain); // the parts joined, not copied
        ByteString zstd = compress ? ByteString.copyFrom(frames) : ByteString.EMPTY;
        booksEncoded.incrementAndGet();
        long firstNonce = miners.isEmpty() ? 0 : nonces.next(miners.size());
        // the signed body is books, books_zstd, miner_payload: whichever books field is unused is an empty part
        BodyHash.Prefix hash = zstd.isEmpty() ? BodyHash.prefix(books, ByteString.EMPTY)
                : BodyHash.prefix(ByteString.EMPTY, zstd);
        ByteString sha256 = name != null ? name.finish() : ByteString.EMPTY;
        return new Shared(step, books, zstd, hash, sha256, inline, simulation, firstNonce);
    }

    /**
     * Which miners get the books inline: all when they never go by reference; else one miner per books cache and
     * host, as their last answers named them (the first in the given order), and every miner not known yet.
     */
    private boolean[] inline(List<MinerTarget> miners) {
        boolean[] inline = new boolean[miners.size()];
        Set<BooksHome> carried = new HashSet<>();
        for (int i = 0; i < inline.length; i++) {
            MinerTarget miner = miners.get(i);
            BooksHome home = homes.get(miner.uid());
            inline[i] = !config.booksByReference() || home == null || !home.host().equals(miner.host())
                    || carried.add(home);
        }
        return inline;
    }

    /**
     * Where a miner keeps the books, as its last answer said: its process's books cache on its axon host (the host
     * too, so that a cache id seen elsewhere never groups miners of two hosts).
     */
    private record BooksHome(ByteString cache, String host) {
    }

    /** Remembers, from a finished call, where the miner keeps the books (or forgets it when the call failed). */
    private void learn(MinerTarget miner, ListenableFuture<AgentReplyReader.Reply> rpc) {
        ByteString cache;
        try {
            cache = Futures.getDone(rpc).booksCache();
        } catch (ExecutionException | CancellationException e) {
            cache = ByteString.EMPTY;
        }
        if (cache.isEmpty()) {
            homes.remove(miner.uid());
        } else {
            homes.put(miner.uid(), new BooksHome(cache, miner.host()));
        }
    }

    /** Whether the miner answered that it could not resolve the books its request named. */
    private static boolean booksUnknown(ListenableFuture<AgentReplyReader.Reply> rpc) {
        return failedPrecondition(rpc, BooksReference.TRAILER::in);
    }

    /** Whether the call ended {@code FAILED_PRECONDITION} with trailers that {@code says}. */
    private static boolean failedPrecondition(ListenableFuture<AgentReplyReader.Reply> rpc,
                                              Predicate<Metadata> says) {
        try {
            Futures.getDone(rpc);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof StatusRuntimeException failure
                    && failure.getStatus().getCode() == Status.Code.FAILED_PRECONDITION
                    && says.test(failure.getTrailers());
        } catch (CancellationException e) {
            return false;
        }
    }

    /**
     * The books' {@code Books} bytes in parts of {@link #BOOKS_PER_PART} consecutive books, each part encoded (and,
     * when the books travel compressed, made a zstd frame of its own) on the prepare threads, queued before the
     * payloads; on one prepare thread, on the caller, so that a step is one thread's work throughout. A {@code Books}
     * message is its books' length-delimited field records one after another, so the parts' encodings concatenated in
     * order are exactly the bytes of encoding the whole list at once; and concatenated zstd frames decompress to their
     * contents concatenated. The parts do not depend on the number of threads: neither do the bytes sent.
     */
    private List<Future<BooksPart>> submitBooks(List<BookState> books) {
        boolean compress = config.compressBooks();
        List<Future<BooksPart>> parts = new ArrayList<>(books.size() / BOOKS_PER_PART + 1);
        for (int from = 0; from < books.size() || from == 0; from += BOOKS_PER_PART) {
            List<BookState> part = books.subList(from, Math.min(books.size(), from + BOOKS_PER_PART));
            parts.add(config.prepareThreads() == 1
                    ? CompletableFuture.completedFuture(BooksPart.of(BookCodec.encodeBooks(part), compress))
                    : preparers.submit(() -> BooksPart.of(BookCodec.encodeBooks(part), compress)));
        }
        return parts;
    }

    /** Some books' {@code Books} bytes, and their zstd frame when the books travel compressed (else empty). */
    private record BooksPart(ByteString plain, ByteString zstd) {

        static BooksPart of(ByteString plain, boolean compress) {
            return new BooksPart(plain, compress ? BooksCompression.compress(plain) : ByteString.EMPTY);
        }
    }

    /**
     * Every miner's payload, written on the prepare threads (queued behind the books' parts); with {@code changes},
     * the open orders as changes to the accounts each miner said it keeps. A payload needs nothing of the books.
     */
    private List<CompletableFuture<StateCodec.EncodedPayload>> submitPayloads(Step step, ByteString simulation,
                                                                              List<MinerTarget> miners,
                                                                              boolean changes, int[] order) {
        List<CompletableFuture<StateCodec.EncodedPayload>> payloads = new ArrayList<>(
                Collections.nCopies(miners.size(), null));
        for (int i : order) {
            MinerTarget miner = miners.get(i);
            payloads.set(i, CompletableFuture.supplyAsync(
                    () -> payload(step, simulation, miner, changes ? kept(miner) : null), preparers));
        }
        return payloads;
    }

    /**
     * Every miner's request, in miner order, signed on the prepare threads once its payload is written, queued in
     * {@code order}; miner {@code i} with nonce first + i.
     */
    private List<CompletableFuture<Signed>> submitSigning(Shared shared, List<MinerTarget> miners,
                                                         List<CompletableFuture<StateCodec.EncodedPayload>> payloads,
                                                         int[] order) {
        List<CompletableFuture<Signed>> signed = new ArrayList<>(Collections.nCopies(miners.size(), null));
        for (int i : order) {
            long nonce = shared.firstNonce() + i;
            MinerTarget miner = miners.get(i);
            boolean inline = shared.inline()[i];
            signed.set(i, payloads.get(i).thenApplyAsync(payload -> new Signed(
                    signed(shared, nonce, miner, inline, payload.bytes()), payload.changes()), preparers));
        }
        return signed;
    }

    /** A signed request, and whether its accounts' open orders are changes. */
    private record Signed(PreparedStep.Addressed addressed, boolean changes) {
    }

    /** One miner's payload, its open orders as changes to {@code base} where they can be (null: whole). */
    private static StateCodec.EncodedPayload payload(Step step, ByteString simulation, MinerTarget miner,
                                                     AccountsBase base) {
        return StateCodec.encodePayload(miner.uid(), step.timestamp(), simulation,
                step.accounts().getOrDefault(miner.uid(), Map.of()),
                step.notices().getOrDefault(miner.uid(), List.of()), base);
    }

    /** The accounts {@code miner} said it keeps, when it is still the same miner at the same address; else null. */
    private AccountsBase kept(MinerTarget miner) {
        KeptBase base = bases.get(miner.uid());
        return base != null && base.target().equals(miner) ? base.accounts() : null;
    }

    /** The accounts a miner keeps, as the last request it said it keeps carried them, and the miner it was. */
    private record KeptBase(MinerTarget target, AccountsBase accounts) {
    }

    /**
     * Remembers, from a finished call, the accounts the miner now keeps: its request's, when its reply names that
     * request ({@code accounts_kept}). A reply naming none (a miner that keeps none) forgets the miner's; a failed call
     * changes nothing, since the miner keeps its last two.
     */
    private void learnKept(Call call, ListenableFuture<AgentReplyReader.Reply> rpc) {
        Map<Integer, Account> accounts = call.accounts;
        if (accounts == null) {
            return;
        }
        AgentReplyReader.Reply reply;
        try {
            reply = Futures.getDone(rpc);
        } catch (ExecutionException | CancellationException e) {
            return;
        }
        MinerTarget miner = call.request.target();
        long nonce = call.request.request().getEnvelope().getNonce();
        if (reply.accountsKept() != 0 && reply.accountsKept() == nonce) {
            bases.put(miner.uid(), new KeptBase(miner, new AccountsBase(nonce, accounts)));
        } else {
            bases.remove(miner.uid());
        }
    }

    /** Whether the miner answered that it does not hold the accounts its request named as the base. */
    private static boolean accountsUnknown(ListenableFuture<AgentReplyReader.Reply> rpc) {
        return failedPrecondition(rpc, AccountChanges.TRAILER::in);
    }

    /**
     * A request carrying {@code payload}: the body hash finished from the books' digest state (or, for books by
     * reference, from the empty books fields' state), signed.
     */
    private PreparedStep.Addressed signed(Shared shared, long nonce, MinerTarget miner, boolean inline,
                                          ByteString payload) {
        byte[] bodyHash;
        if (shared.sha256().isEmpty()) {
            bodyHash = shared.booksHash().finish(payload);
        } else {
            bodyHash = (inline ? shared.booksHash() : NO_BOOKS).finish(payload, shared.sha256());
        }
        MinerProto.Envelope envelope = WireSignature.sign(hotkey, RESPOND, nonce, miner.hotkey(), bodyHash);
        MinerProto.StateRequest.Builder request = MinerProto.StateRequest.newBuilder();
        if (inline && shared.compressed()) {
            request.setBooksZstd(shared.booksZstd());
        } else if (inline) {
            request.setBooks(shared.books());
        }
        request.setBooksSha256(shared.sha256()); // empty when the books always travel inline: not written
        return new PreparedStep.Addressed(miner, request.setMinerPayload(payload).setEnvelope(envelope).build());
    }

    /** A prepare task's result; a failure to encode or sign fails that miner's query (or the whole prepare). */
    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("preparing a request failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while a request was being prepared");
        }
    }

    private List<MinerResult> collect(List<Call> calls, long start, long deadline) {
        List<MinerResult> results = new ArrayList<>(calls.size());
        for (Call call : calls) {
            try {
                long left = deadline + COLLECT_GRACE_NANOS - System.nanoTime();
                results.add(call.result.get(Math.max(0, left), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                MinerResult late = MinerResult.of(call.uid, ResultKind.TIMEOUT, Status.DEADLINE_EXCEEDED
                        .withDescription("global deadline of " + config.globalTimeout().toMillis() + " ms passed"),
                        Optional.empty(), System.nanoTime() - start);
                call.result.complete(late); // the call lingers: see LINGER_NANOS
                results.add(call.result.join());
            } catch (ExecutionException e) {
                results.add(MinerResult.of(call.uid, ResultKind.FAILED, Status.INTERNAL.withDescription(
                        "query failed: " + e.getCause()), Optional.empty(), System.nanoTime() - start));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel();
                results.add(MinerResult.of(call.uid, ResultKind.FAILED, Status.CANCELLED.withDescription(
                        "validator interrupted"), Optional.empty(), System.nanoTime() - start));
            }
        }
        return results;
    }

    /**
     * Delivers notices to one miner outside a step, signed like a state request, under the notice timeout.
     *
     * @return the kind, status and, for {@link ResultKind#OK}, how many notices the agent was handed
     */
    public NoticeDelivery notify(MinerTarget miner, List<Notice> notices) {
        SignedCall<MinerProto.NoticeAck> call = signedCall(miner, MinerGrpc.getNotifyMethod().getBareMethodName(),
                NoticeCodec.encodeBatch(notices), (body, envelope) -> MinerProto.NoticeRequest.newBuilder()
                        .setNotices(body).setEnvelope(envelope).build(), MinerClient::notify);
        return new NoticeDelivery(miner.uid(), call.kind(), call.code(), call.description(), call.check(),
                call.answer().map(MinerProto.NoticeAck::getDelivered).orElse(0));
    }

    /**
     * The outcome of a notice delivery.
     *
     * @param uid         the miner
     * @param kind        how the call ended
     * @param code        its gRPC status code
     * @param description the status description, empty on success
     * @param check       for a rejection, the miner check that failed
     * @param delivered   notices handed to the agent
     */
    public record NoticeDelivery(int uid, ResultKind kind, Status.Code code, String description,
                                 Optional<Check> check, int delivered) {
    }

    /**
     * Delivers a GenTRX training assignment to one miner, signed like a state request, under the notice timeout.
     *
     * @return the kind and status; {@code accepted} when the miner's agent took it
     */
    public AssignmentDelivery assign(MinerTarget miner, TrainingAssignment assignment) {
        SignedCall<MinerProto.AssignmentAck> call = signedCall(miner, MinerGrpc.getAssignMethod().getBareMethodName(),
                AssignmentCodec.encode(assignment), (body, envelope) -> MinerProto.AssignmentRequest.newBuilder()
                        .setAssignment(body).setEnvelope(envelope).build(), MinerClient::assign);
        return new AssignmentDelivery(miner.uid(), call.kind(), call.code(), call.description(), call.check(),
                call.answer().map(MinerProto.AssignmentAck::getAccepted).orElse(false));
    }

    /** How a one-body signed call outside a step ended, and the miner's answer when it ended well. */
    private record SignedCall<A>(ResultKind kind, Status.Code code, String description, Optional<Check> check,
                                 Optional<A> answer) {
    }

    /**
     * Signs {@code body} for one miner and method, refuses it when the request outgrows the outbound limit, and sends
     * it under the notice timeout.
     */
    private <Q extends com.google.protobuf.Message, A> SignedCall<A> signedCall(
            MinerTarget miner, String method, ByteString body,
            java.util.function.BiFunction<ByteString, MinerProto.Envelope, Q> request,
            Sender<Q, A> sender) {
        Q signed = request.apply(body, WireSignature.sign(hotkey, method, nonces.next(), miner.hotkey(),
                BodyHash.of(body)));
        if (signed.getSerializedSize() > config.maxOutboundBytes()) {
            return new SignedCall<>(ResultKind.FAILED, Status.Code.RESOURCE_EXHAUSTED,
                    outboundTooLarge(signed.getSerializedSize()), Optional.empty(), Optional.empty());
        }
        long timeout = config.noticeTimeout().toNanos();
        ListenableFuture<A> call;
        try {
            call = sender.send(client(miner), signed, timeout + LINGER_NANOS); // not cancelled: see LINGER_NANOS
        } catch (RuntimeException e) {
            return new SignedCall<>(ResultKind.FAILED, Status.Code.INTERNAL, "query failed: " + e, Optional.empty(),
                    Optional.empty());
        }
        try {
            A answer = call.get(timeout, TimeUnit.NANOSECONDS);
            return new SignedCall<>(ResultKind.OK, Status.Code.OK, "", Optional.empty(), Optional.of(answer));
        } catch (TimeoutException e) {
            return new SignedCall<>(ResultKind.TIMEOUT, Status.Code.DEADLINE_EXCEEDED,
                    "no answer within " + TimeUnit.NANOSECONDS.toMillis(timeout) + " ms", Optional.empty(),
                    Optional.empty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException failure) {
                Optional<Check> check = check(failure);
                Status status = status(failure);
                return new SignedCall<>(kind(status, check), status.getCode(),
                        status.getDescription() == null ? "" : status.getDescription(), check, Optional.empty());
            }
            return new SignedCall<>(ResultKind.FAILED, Status.Code.INTERNAL, "query failed: " + e.getCause(),
                    Optional.empty(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return new SignedCall<>(ResultKind.FAILED, Status.Code.CANCELLED, "validator interrupted",
                    Optional.empty(), Optional.empty());
        }
    }

    @FunctionalInterface
    private interface Sender<Q, A> {
        ListenableFuture<A> send(MinerClient client, Q request, long timeoutNanos);
    }

    /**
     * The outcome of an assignment delivery.
     *
     * @param uid         the miner
     * @param kind        how the call ended
     * @param code        its gRPC status code
     * @param description the status description, empty on success
     * @param check       for a rejection, the miner check that failed
     * @param accepted    whether the agent took the assignment
     */
    public record AssignmentDelivery(int uid, ResultKind kind, Status.Code code, String description,
                                     Optional<Check> check, boolean accepted) {
    }

    /**
     * Bytes of request buffers allocated for this process's fan-out channels so far; once a step's worth is kept
     * for reuse, further steps of the same size allocate none.
     */
    public static long requestBufferBytesAllocated() {
        return ReusingDirectAllocator.SHARED.createdBytes();
    }

    /** Steps whose books were serialized, one per {@link #prepare}; never more, whatever the number of miners. */
    public long booksEncoded() {
        return booksEncoded.get();
    }

    @Override
    public void close() {
        preparers.shutdownNow();
        timers.shutdownNow();
        clients.values().forEach(MinerClient::close);
        clients.clear();
    }

    /** Starts one call; its result completes when the miner answers, the call fails, or it is refused here. */
    private void start(Call call, long globalDeadline) {
        MinerTarget miner = call.request.target();
        MinerProto.StateRequest request = call.request.request();
        long begin = System.nanoTime();
        int size = request.getSerializedSize();
        if (size > config.maxOutboundBytes()) {
            call.result.complete(MinerResult.of(miner.uid(), ResultKind.FAILED,
                    Status.RESOURCE_EXHAUSTED.withDescription(outboundTooLarge(size)), Optional.empty(), 0));
            return;
        }
        long timeout = Math.min(config.perCallTimeout().toNanos(), globalDeadline - begin);
        if (timeout <= 0) {
            call.result.complete(MinerResult.of(miner.uid(), ResultKind.TIMEOUT, Status.DEADLINE_EXCEEDED
                    .withDescription("global deadline passed before the call started"), Optional.empty(), 0));
            return;
        }
        ListenableFuture<AgentReplyReader.Reply> rpc;
        call.bytesSent.addAndGet(size);
        try {
            rpc = client(miner).respond(request, timeout + LINGER_NANOS);
        } catch (RuntimeException e) {
            call.result.complete(MinerResult.of(miner.uid(), ResultKind.FAILED, Status.INTERNAL.withDescription(
                    "query failed: " + e), Optional.empty(), System.nanoTime() - begin));
            return;
        }
        call.rpc = rpc;
        ScheduledFuture<?> timer = timers.schedule(() -> call.result.complete(timedOut(miner, timeout)), timeout,
                TimeUnit.NANOSECONDS);
        rpc.addListener(() -> {
            timer.cancel(false);
            long elapsed = System.nanoTime() - begin;
            learn(miner, rpc);
            Supplier<PreparedStep.Addressed> again = call.inlineAgain;
            if (again != null && !call.result.isDone() && booksUnknown(rpc)) {
                call.inlineAgain = null;
                call.resent = true;
                resend(call, again, globalDeadline);
                return;
            }
            Supplier<PreparedStep.Addressed> whole = call.wholeAgain;
            if (whole != null && !call.result.isDone() && accountsUnknown(rpc)) {
                call.wholeAgain = null;
                call.inlineAgain = null;
                call.changes = false;
                call.sentWhole = true;
                bases.remove(miner.uid());
                resend(call, whole, globalDeadline);
                return;
            }
            learnKept(call, rpc);
            call.result.complete(elapsed > timeout ? timedOut(miner, timeout) : answered(miner, rpc, elapsed));
        }, MoreExecutors.directExecutor());
    }

    /**
     * Starts a call again with {@code again}'s request (the books inline, or the accounts whole too), on a prepare
     * thread (never the transport's: the request is copied into its buffers), after the miner answered that the books
     * or the accounts base its request named never reached it. Its response time counts from this later start.
     */
    private void resend(Call call, Supplier<PreparedStep.Addressed> again, long globalDeadline) {
        try {
            preparers.execute(() -> {
                try {
                    call.request = again.get();
                } catch (RuntimeException e) {
                    call.result.complete(MinerResult.of(call.uid, ResultKind.FAILED, Status.INTERNAL
                            .withDescription("query failed: " + e), Optional.empty(), 0));
                    return;
                }
                start(call, globalDeadline);
            });
        } catch (RejectedExecutionException e) {
            call.result.complete(MinerResult.of(call.uid, ResultKind.FAILED, Status.CANCELLED
                    .withDescription("fan-out closed"), Optional.empty(), 0));
        }
    }

    private static MinerResult timedOut(MinerTarget miner, long timeoutNanos) {
        return MinerResult.of(miner.uid(), ResultKind.TIMEOUT, Status.DEADLINE_EXCEEDED.withDescription(
                "no answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"), Optional.empty(),
                timeoutNanos);
    }

    /** A finished call's result: the decoded answer, or how the call failed. */
    private static MinerResult answered(MinerTarget miner, ListenableFuture<AgentReplyReader.Reply> rpc, long nanos) {
        AgentReplyReader.Reply reply;
        try {
            reply = Futures.getDone(rpc);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException failure) {
                Optional<Check> check = check(failure);
                Status status = status(failure);
                return MinerResult.of(miner.uid(), kind(status, check), status, check, nanos);
            }
            return MinerResult.of(miner.uid(), ResultKind.FAILED, Status.INTERNAL.withDescription(
                    "query failed: " + e.getCause()), Optional.empty(), nanos);
        } catch (CancellationException e) {
            return MinerResult.of(miner.uid(), ResultKind.TIMEOUT, Status.CANCELLED.withDescription(
                    "call cancelled"), Optional.empty(), nanos);
        }
        try {
            return MinerResult.ok(miner.uid(), reply.response(), nanos);
        } catch (WireFormatException e) {
            return MinerResult.of(miner.uid(), ResultKind.FAILED,
                    Status.INTERNAL.withDescription("invalid reply: " + e.getMessage()), Optional.empty(), nanos);
        }
    }

    private MinerClient client(MinerTarget miner) {
        return clients.compute(miner.uid(), (uid, existing) -> {
            if (existing != null && existing.target().equals(miner)) {
                return existing;
            }
            if (existing != null) {
                existing.close();
            }
            return new MinerClient(miner, config.maxOutboundBytes(), config.maxInboundBytes());
        });
    }

    private String outboundTooLarge(int size) {
        return String.format("request of %d bytes exceeds the validator's outbound limit of %d bytes", size,
                config.maxOutboundBytes());
    }

    /**
     * The status a call ended with. A reply that fails while being read (over the inbound limit) surfaces as
     * {@code CANCELLED "Failed to read message."} caused by the real status; that cause is the answer.
     */
    private static Status status(StatusRuntimeException e) {
        Status status = e.getStatus();
        if (status.getCode() == Status.Code.CANCELLED && status.getCause() instanceof StatusRuntimeException cause) {
            return cause.getStatus();
        }
        return status;
    }

    private static Optional<Check> check(StatusRuntimeException e) {
        if (e.getTrailers() == null) {
            return Optional.empty();
        }
        String value = e.getTrailers().get(Check.TRAILER);
        return value == null ? Optional.empty() : Check.ofTrailer(value);
    }

    private static ResultKind kind(Status status, Optional<Check> check) {
        if (check.isPresent()) {
            return ResultKind.REJECTED;
        }
        return status.getCode() == Status.Code.DEADLINE_EXCEEDED ? ResultKind.TIMEOUT : ResultKind.FAILED;
    }
}
