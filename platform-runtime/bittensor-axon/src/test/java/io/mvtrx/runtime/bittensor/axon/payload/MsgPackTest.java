package io.mvtrx.runtime.bittensor.axon.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mvtrx.runtime.bittensor.axon.TestResources;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MsgPackTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    @SuppressWarnings("unchecked")
    void encodesEveryValueByteForByteAsPythonMsgpack() {
        List<Object> cases = (List<Object>) TestResources.python().get("msgpack");
        assertThat(cases).hasSize(38);
        for (Object c : cases) {
            Map<String, Object> m = (Map<String, Object>) c;
            Object value = TestResources.floats(m.get("value"));
            String hex = (String) m.get("hex");
            assertThat(HEX.formatHex(MsgPack.encode(value))).as("encode %s", value).isEqualTo(hex);
            assertThat(MsgPack.decode(HEX.parseHex(hex))).as("decode %s", hex).isEqualTo(value);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsIntegerKeysAndBinAsPythonWritesThem() {
        Map<String, Object> v = (Map<String, Object>) TestResources.python().get("msgpack_int_keys");
        Object decoded = MsgPack.decode(HEX.parseHex((String) v.get("hex")));
        assertThat(decoded).isEqualTo(Map.of(0L, "a", 300L, Map.of(1L, 2L)));
        Map<String, Object> bin = (Map<String, Object>) TestResources.python().get("msgpack_bin");
        assertThat((byte[]) MsgPack.decode(HEX.parseHex((String) bin.get("hex")))).containsExactly(0, 1, -1);
    }

    @Test
    void refusesTruncatedTrailingAndLyingInput() {
        assertThatThrownBy(() -> MsgPack.decode(HEX.parseHex("92 01".replace(" ", ""))))
                .isInstanceOf(PayloadException.class).hasMessageContaining("announced at offset 1");
        assertThatThrownBy(() -> MsgPack.decode(HEX.parseHex("0102")))
                .isInstanceOf(PayloadException.class).hasMessageContaining("1 trailing bytes");
        assertThatThrownBy(() -> MsgPack.decode(HEX.parseHex("ddffffffff")))
                .isInstanceOf(PayloadException.class).hasMessage("msgpack: length 4294967295 at offset 5 is too large");
        assertThatThrownBy(() -> MsgPack.decode(HEX.parseHex("c1")))
                .isInstanceOf(PayloadException.class).hasMessageContaining("0xc1");
        assertThatThrownBy(() -> MsgPack.decode(HEX.parseHex("cfffffffffffffffff")))
                .isInstanceOf(PayloadException.class).hasMessageContaining("uint64");
        byte[] deep = new byte[MsgPack.MAX_DEPTH + 2];
        java.util.Arrays.fill(deep, (byte) 0x91);
        assertThatThrownBy(() -> MsgPack.decode(deep)).isInstanceOf(PayloadException.class)
                .hasMessageContaining("nesting");
    }

    @Property(tries = 300)
    void roundTripsAnyValueTree(@ForAll("trees") Object value) {
        assertThat(MsgPack.decode(MsgPack.encode(value))).isEqualTo(value);
    }

    @Provide
    Arbitrary<Object> trees() {
        Arbitrary<Object> leaves = Arbitraries.oneOf(
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.strings().ofMaxLength(300).map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        return Arbitraries.recursive(() -> leaves,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(20).map(l -> (Object) l),
                        Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), inner).ofMaxSize(20)
                                .map(m -> (Object) new java.util.LinkedHashMap<>(m))),
                3);
    }
}
