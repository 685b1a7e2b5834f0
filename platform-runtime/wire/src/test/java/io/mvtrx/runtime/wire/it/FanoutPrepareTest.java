package io.mvtrx.runtime.wire.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.BodyHash;
import io.mvtrx.runtime.wire.BooksReference;
import io.mvtrx.runtime.wire.NonceClock;
import io.mvtrx.runtime.wire.WireSignature;
import io.mvtrx.runtime.wire.codec.BookCodec;
import io.mvtrx.runtime.wire.codec.BooksCompression;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.PreparedStep;
import io.mvtrx.runtime.wire.validator.Step;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Preparing a step on several threads (books encoded and compressed in parts, requests encoded and signed in parallel) gives the
 * very bytes that one thread gives, for a fixed clock; nothing is sent.
 */
class FanoutPrepareTest {

    private static final int MINERS = 40;

    @TempDir
    Path dir;

    private Keypair validator;
    private List<MinerTarget> miners;
    private Step step;

    @BeforeEach
    void setUp() throws Exception {
        WalletStore wallets = new WalletStore(dir.resolve("wallets"));
        wallets.createColdkey("owner");
        validator = wallets.createHotkey("owner", "validator");
        miners = new ArrayList<>();
        for (int uid = 0; uid < MINERS; uid++) {
            // receivers only need to be well-formed hotkeys: nothing is sent
            miners.add(new MinerTarget(uid, "miner" + uid, "127.0.0.1", 10_000 + uid));
        }
        List<BookState> books = new ArrayList<>();
        for (int padding = 0; padding < 20; padding++) { // 40 books: parts of 16, 16 and 8
            books.addAll(TestNetwork.books(padding * 5));
        }
        Step base = TestNetwork.step(miners, 0);
        step = new Step(base.timestamp(), base.simulation(), books, base.accounts(), base.notices());
    }

    private PreparedStep prepare(int threads) {
        try (Fanout fanout = new Fanout(validator, FanoutConfig.DEFAULTS.withPrepareThreads(threads),
                TestNetwork.CLOCK)) {
            return fanout.prepare(step, miners);
        }
    }

    @Test
    void fourThreadsPrepareTheSameRequestBytesAsOne() {
        PreparedStep sequential = prepare(1);
        PreparedStep parallel = prepare(4);

        assertThat(parallel.books().toByteArray()).isEqualTo(sequential.books().toByteArray())
                .isEqualTo(BookCodec.encodeBooks(step.books()).toByteArray());
        assertThat(parallel.books().size()).isGreaterThan(1_000);
        // the books' parts compressed apart, the same frames on any number of threads
        assertThat(parallel.booksSent().toByteArray()).isEqualTo(sequential.booksSent().toByteArray());
        assertThat(BooksCompression.decompress(parallel.booksSent(), Integer.MAX_VALUE)).isEqualTo(parallel.books());
        assertThat(parallel.requests()).hasSize(MINERS);
        for (int i = 0; i < MINERS; i++) {
            assertThat(parallel.requests().get(i).target()).isEqualTo(miners.get(i));
            assertThat(parallel.requests().get(i).request().toByteArray())
                    .as("request %d", i).isEqualTo(sequential.requests().get(i).request().toByteArray());
        }
    }

    @Test
    void noncesAreConsecutiveInMinerOrderAndEverySignatureVerifies() {
        PreparedStep parallel = prepare(4);
        long first = NonceClock.nanos(TestNetwork.NOW);

        for (int i = 0; i < MINERS; i++) {
            var request = parallel.requests().get(i).request();
            assertThat(request.getEnvelope().getNonce()).isEqualTo(first + i);
            assertThat(request.getEnvelope().getReceiverHotkey()).isEqualTo("miner" + i);
            assertThat(request.getEnvelope().getBodySha256().toByteArray())
                    .isEqualTo(BodyHash.of(request.getBooks(), request.getBooksZstd(), request.getMinerPayload(),
                            request.getBooksSha256()));
            // a fan-out that has heard from no miner yet sends every one the books, naming them for its process
            assertThat(request.getBooksZstd()).isNotEmpty();
            assertThat(request.getBooksSha256()).isEqualTo(BooksReference.sha256(request.getBooksZstd()));
            assertThat(WireSignature.verify(request.getEnvelope(), "Respond")).isTrue();
        }
    }

    @Test
    void aSecondStepContinuesTheNoncesAfterTheFirstBlock() {
        try (Fanout fanout = new Fanout(validator, FanoutConfig.DEFAULTS.withPrepareThreads(3), TestNetwork.CLOCK)) {
            fanout.prepare(step, miners);
            PreparedStep second = fanout.prepare(step, miners);

            assertThat(second.requests().getFirst().request().getEnvelope().getNonce())
                    .isEqualTo(NonceClock.nanos(TestNetwork.NOW) + MINERS);
            assertThat(second.requests().getLast().request().getEnvelope().getNonce())
                    .isEqualTo(NonceClock.nanos(TestNetwork.NOW) + 2 * MINERS - 1);
        }
    }
}
