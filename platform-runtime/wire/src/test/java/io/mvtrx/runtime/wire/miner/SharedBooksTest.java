package io.mvtrx.runtime.wire.miner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.wire.BooksReference;
import io.mvtrx.runtime.wire.codec.WireFormatException;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedBooksTest {

    private static final String V1 = "validator1";
    private static final String V2 = "validator2";

    private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    private final SharedBooks cache = new SharedBooks(SharedBooks.own().id(), nanos::get);
    private final AtomicInteger decodes = new AtomicInteger();

    /** The bytes "sent" for step {@code n}, and what decoding them gives: one empty book with id n. */
    private static ByteString sent(int n) {
        return ByteString.copyFromUtf8("books of step " + n);
    }

    private List<BookState> decode(int n) {
        decodes.incrementAndGet();
        return List.of(new BookState(new BookSnapshot(n, 0, List.of(), List.of()), List.of(), 0));
    }

    private CompletableFuture<List<BookState>> inline(int n) {
        return inline(V1, n);
    }

    private CompletableFuture<List<BookState>> inline(String sender, int n) {
        return cache.inline(sender, BooksReference.sha256(sent(n)), sent(n), () -> decode(n));
    }

    private CompletableFuture<List<BookState>> reference(String sender, int n) {
        return cache.reference(sender, BooksReference.sha256(sent(n)));
    }

    @Test
    void booksBroughtInlineAreDecodedOnceAndHandedToEveryLaterRequestNamingThem() {
        List<BookState> first = inline(1).join();
        List<BookState> again = inline(1).join();
        List<BookState> named = reference(V1, 1).join();

        assertThat(first.getFirst().snapshot().bookId()).isEqualTo(1);
        assertThat(again).isSameAs(first);
        assertThat(named).isSameAs(first);
        assertThat(decodes).hasValue(1);
    }

    @Test
    void aReferenceArrivingFirstCompletesWhenTheBooksArrive() {
        CompletableFuture<List<BookState>> waiting = reference(V1, 2);
        assertThat(waiting).isNotDone();

        List<BookState> books = inline(2).join();

        assertThat(waiting).isCompletedWithValue(books);
    }

    @Test
    void booksNotHashingToTheirNameAreRefusedAndGoodOnesMayStillArriveUnderIt() {
        ByteString name = BooksReference.sha256(sent(3));
        CompletableFuture<List<BookState>> waiting = cache.reference(V1, name);

        assertThatThrownBy(() -> cache.inline(V1, name, sent(4), () -> decode(4)))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("books_sha256 is not the SHA-256 of the books sent");
        assertThat(decodes).hasValue(0);
        // the refused request failed whoever waited on the name; the next request naming it starts afresh
        assertThat(waiting).isCompletedExceptionally();
        CompletableFuture<List<BookState>> next = cache.reference(V1, name);
        assertThat(next).isNotDone();
        inline(3).join();
        assertThat(next.join().getFirst().snapshot().bookId()).isEqualTo(3);
    }

    @Test
    void dropsEntriesThreeSecondsOldAndKeepsTwoPerValidator() {
        inline(10).join();
        nanos.addAndGet(SharedBooks.MAX_AGE_NANOS - 1);
        inline(V2, 11).join();
        assertThat(cache.size()).isEqualTo(2); // the first is not three seconds old yet

        nanos.addAndGet(1);
        inline(V2, 12).join();
        assertThat(cache.size()).isEqualTo(2); // now it is, and went when the third was made
        assertThat(reference(V2, 11)).isDone();
        CompletableFuture<List<BookState>> v1Waiting = reference(V1, 10); // asked anew: pending again
        assertThat(v1Waiting).isNotDone();

        // a validator's third entry pushes out its own oldest, never another's
        inline(V2, 13).join();
        assertThat(reference(V2, 12)).isDone();
        assertThat(reference(V2, 13)).isDone();
        assertThat(reference(V1, 10)).isSameAs(v1Waiting);
        assertThat(reference(V2, 11)).isNotDone();
    }

    @Test
    void aValidatorFindsOnlyTheBooksItSentItselfAndCannotPushOutAnothers() {
        inline(V1, 30).join();

        assertThat(reference(V2, 30)).isNotDone(); // the same hash from another validator is another entry
        for (int n = 40; n < 40 + SharedBooks.PER_SENDER * 5; n++) {
            reference(V2, n); // a validator naming hashes it never sends
        }
        assertThat(reference(V1, 30)).isDone();
        assertThat(decodes).hasValue(1);
    }

    @Test
    void manyRequestsBringingTheSameBooksAtOnceDecodeThemOnce() throws Exception {
        int threads = 16;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<BookState>>> got = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                got.add(pool.submit(() -> {
                    go.await();
                    return inline(20).join();
                }));
            }
            go.countDown();
            List<BookState> first = got.getFirst().get();
            for (Future<List<BookState>> f : got) {
                assertThat(f.get()).isSameAs(first);
            }
        }
        assertThat(decodes).hasValue(1);
    }

    @Test
    void aProcessCacheAndOwnCachesHaveDistinctSixteenByteIds() {
        assertThat(SharedBooks.process().id().size()).isEqualTo(16);
        assertThat(SharedBooks.process()).isSameAs(SharedBooks.process());
        assertThat(SharedBooks.own().id()).isNotEqualTo(SharedBooks.own().id())
                .isNotEqualTo(SharedBooks.process().id());
    }
}
