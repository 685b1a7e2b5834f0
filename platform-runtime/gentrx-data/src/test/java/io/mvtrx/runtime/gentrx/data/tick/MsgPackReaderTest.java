package io.mvtrx.runtime.gentrx.data.tick;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MsgPackReaderTest {

    private static Object read(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return MsgPackReader.read(b);
    }

    @Test
    void readsEveryIntegerForm() {
        assertThat(read(0x05)).isEqualTo(5L);
        assertThat(read(0xff)).isEqualTo(-1L);
        assertThat(read(0xe0)).isEqualTo(-32L);
        assertThat(read(0xcc, 0xff)).isEqualTo(255L);
        assertThat(read(0xcd, 0x01, 0x00)).isEqualTo(256L);
        assertThat(read(0xce, 0xff, 0xff, 0xff, 0xff)).isEqualTo(4_294_967_295L);
        assertThat(read(0xcf, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)).isEqualTo(Long.MAX_VALUE);
        assertThat(read(0xd0, 0x80)).isEqualTo(-128L);
        assertThat(read(0xd1, 0x80, 0x00)).isEqualTo(-32768L);
        assertThat(read(0xd2, 0x80, 0x00, 0x00, 0x00)).isEqualTo(-2_147_483_648L);
        assertThat(read(0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void readsFloatsStringsAndContainers() {
        assertThat(read(0xca, 0x3f, 0xc0, 0x00, 0x00)).isEqualTo(1.5);
        assertThat(read(0xcb, 0x40, 0x59, 0x0c, 0xcc, 0xcc, 0xcc, 0xcc, 0xcd)).isEqualTo(100.2);
        assertThat(read(0xa3, 'E', 'S', 'E')).isEqualTo("ESE");
        assertThat(read(0xd9, 0x02, 'o', 'k')).isEqualTo("ok");
        assertThat(read(0xc4, 0x02, 0x01, 0x02)).isEqualTo(new byte[] {1, 2});
        assertThat(read(0x92, 0x01, 0xc0)).isEqualTo(Arrays.asList(1L, null));
        assertThat(read(0x82, 0x01, 0xc3, 0xa1, 'y', 0xc2)).isEqualTo(Map.of(1L, true, "y", false));
        assertThat(read(0xdc, 0x00, 0x01, 0x90)).isEqualTo(List.of(List.of()));
    }

    @Test
    void refusesMalformedInputNamingTheOffset() {
        assertThatThrownBy(() -> read(0xcd, 0x01)).isInstanceOf(TickFormatException.class)
                .hasMessage("msgpack: truncated at offset 1 (2 bytes needed)");
        assertThatThrownBy(() -> read(0x01, 0x02)).hasMessage("msgpack: 1 trailing bytes after the value, at offset 1");
        assertThatThrownBy(() -> read(0xcf, 0x80, 0, 0, 0, 0, 0, 0, 0))
                .hasMessage("msgpack: unsigned integer above 2^63-1 at offset 0");
        assertThatThrownBy(() -> read(0xc7, 0x01, 0x01, 0x00)).hasMessage("msgpack: unsupported type byte 0xc7 at offset 0");
        assertThatThrownBy(() -> read(0x82, 0x01, 0x01, 0x01, 0x02)).hasMessage("msgpack: duplicate map key '1' at offset 3");
        assertThatThrownBy(() -> read(0xa2, 0xc3, 0x28)).hasMessage("msgpack: invalid UTF-8 in the string at offset 1");
        assertThatThrownBy(() -> read(0xdd, 0x7f, 0xff, 0xff, 0xff))
                .hasMessage("msgpack: array of 2147483647 at offset 5 runs past the end (5 bytes)");
        assertThatThrownBy(() -> read(0x81, 0x90, 0x01)).hasMessage("msgpack: map key at offset 1 is not a scalar");
        int[] deep = new int[40];
        Arrays.fill(deep, 0x91);
        assertThatThrownBy(() -> read(deep)).hasMessageStartingWith("msgpack: nesting deeper than 32");
    }
}
