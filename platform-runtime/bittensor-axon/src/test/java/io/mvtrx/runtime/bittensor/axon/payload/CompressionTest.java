package io.mvtrx.runtime.bittensor.axon.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mvtrx.runtime.bittensor.axon.TestResources;

class CompressionTest {

    @Test
    @SuppressWarnings("unchecked")
    void readsAnLz4FrameWrittenByPythonLz4Frame() {
        Map<String, Object> v = (Map<String, Object>) TestResources.python().get("lz4_hello");
        byte[] frame = Base64.getDecoder().decode((String) v.get("b64"));
        assertThat(new String(Compression.LZ4.decompress(frame, 1000), StandardCharsets.UTF_8))
                .isEqualTo("hello hello hello hello");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void roundTripsLargeAndEmptyData(Compression codec) {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        for (int i = 0; i < data.length; i += 3) {
            data[i] = 0;
        }
        assertThat(codec.decompress(codec.compress(data), data.length)).isEqualTo(data);
        assertThat(codec.decompress(codec.compress(new byte[0]), 10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void refusesOutputBeyondTheLimit(Compression codec) {
        byte[] zeros = new byte[1 << 20];
        byte[] small = codec.compress(zeros);
        assertThat(small.length).isLessThan(20_000);
        assertThatThrownBy(() -> codec.decompress(small, 1000)).isInstanceOf(PayloadException.class)
                .hasMessage(codec.wireName() + " payload expands beyond the limit of 1000 bytes");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void refusesGarbage(Compression codec) {
        assertThatThrownBy(() -> codec.decompress("not compressed at all".getBytes(StandardCharsets.UTF_8), 1000))
                .isInstanceOf(PayloadException.class).hasMessageStartingWith(codec.wireName() + " payload does not");
    }

    @Test
    void namesAreTheReferenceEngineNames() {
        assertThat(Compression.named("lz4")).isEqualTo(Compression.LZ4);
        assertThat(Compression.named("ZSTD")).isEqualTo(Compression.ZSTD);
        assertThat(Compression.named("zlib").wireName()).isEqualTo("zlib");
        assertThatThrownBy(() -> Compression.named("gzip")).isInstanceOf(PayloadException.class)
                .hasMessage("compression_engine 'gzip' is not one of lz4, zlib, zstd");
    }
}
