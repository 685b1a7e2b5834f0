package io.mvtrx.runtime.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.google.protobuf.CodedOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ColumnCoding#encode}, the loop the books' columns are encoded with in the size pass, gives for every coding
 * the bytes {@link ColumnCoding#write} gives through {@link CodedOutputStream}, at the edges of each range.
 */
class ColumnCodingTest {

    private static final long[] EDGES = {0, 1, -1, 63, 64, -64, -65, 127, 128, Integer.MAX_VALUE,
        Integer.MIN_VALUE, (long) Integer.MAX_VALUE + 1, 0xFFFF_FFFFL, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE,
        1_700_000_000_000_000_000L, -123_456_789_012L};

    @Test
    void encodingAColumnGivesTheBytesOfWritingItValueByValue() throws IOException {
        for (ColumnCoding coding : ColumnCoding.values()) {
            Proto3Writing.Encoded encoded = new Proto3Writing.Encoded().empty();
            coding.encode(EDGES, encoded);
            ByteArrayOutputStream direct = new ByteArrayOutputStream();
            CodedOutputStream copy = CodedOutputStream.newInstance(direct);
            encoded.copyNext(copy, encoded.length());
            copy.flush();

            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            CodedOutputStream o = CodedOutputStream.newInstance(expected);
            for (long value : EDGES) {
                coding.write(o, value);
            }
            o.flush();

            assertThat(direct.toByteArray()).as("%s", coding).isEqualTo(expected.toByteArray());
        }
    }
}
