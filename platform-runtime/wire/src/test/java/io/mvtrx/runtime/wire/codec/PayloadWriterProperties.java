package io.mvtrx.runtime.wire.codec;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.state.StateUpdate;

import com.google.protobuf.ByteString;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direct payload writer gives exactly the generated encoder's bytes, so the miner's parser (and any other
 * protobuf reader) sees no difference: edge-biased numbers (0 omitted, negatives as ten-byte varints), every enum,
 * empty and full lists, notices, and maps of many books in their iteration order.
 */
class PayloadWriterProperties {

    @Property(tries = 600)
    void theWriterGivesTheGeneratedEncodersBytes(@ForAll long seed, @ForAll int agentId) {
        StateUpdate x = new RecordGen(new Random(seed)).state();

        ByteString written = StateCodec.encodePayload(agentId, x.timestamp(), x.simulation(), x.accounts(),
                x.notices());

        assertThat(written.toByteArray()).isEqualTo(StateCodec.encodePayloadWithBuilders(agentId, x.timestamp(),
                x.simulation(), x.accounts(), x.notices(), null).toByteArray());
    }

    @Property(tries = 300)
    void everyNoticeKindIsWrittenAsTheGeneratedEncoderWritesIt(@ForAll long seed,
                                                             @ForAll @IntRange(min = 0, max = 7) int kind) {
        RecordGen gen = new RecordGen(new Random(seed));
        StateUpdate x = gen.state();
        java.util.List<io.mvtrx.api.notice.Notice> notices = java.util.List.of(gen.notice(kind), gen.notice(kind));

        ByteString written = StateCodec.encodePayload(7, x.timestamp(), x.simulation(), Map.of(), notices);

        assertThat(written.toByteArray()).isEqualTo(StateCodec.encodePayloadWithBuilders(7, x.timestamp(),
                x.simulation(), Map.of(), notices, null).toByteArray());
        assertThat(StateCodec.decode(BookCodec.encodeBooks(x.books()), written).state().notices()).isEqualTo(notices);
    }

    @Property(tries = 100)
    void aMinersAccountOnManyBooksIsWrittenInMapOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 130) int books,
                                                      @ForAll int agentId) {
        RecordGen gen = new RecordGen(new Random(seed));
        StateUpdate x = gen.state();
        Map<Integer, Account> accounts = new TreeMap<>();
        for (int book = 0; book < books; book++) {
            accounts.put(book, gen.account());
        }

        ByteString written = StateCodec.encodePayload(agentId, x.timestamp(), x.simulation(), accounts, x.notices());

        assertThat(written.toByteArray()).isEqualTo(StateCodec.encodePayloadWithBuilders(agentId, x.timestamp(),
                x.simulation(), accounts, x.notices(), null).toByteArray());
        assertThat(StateCodec.decode(BookCodec.encodeBooks(x.books()), written).state().accounts())
                .isEqualTo(accounts);
    }
}
