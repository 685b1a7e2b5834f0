package io.mvtrx.runtime.gentrx.delta.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.frame.Defect;
import io.mvtrx.runtime.gentrx.delta.frame.TensorFileException;

/** Round trips, then one test per way a hostile {@code .grad} can be wrong. */
class GradientCodecTest {

    private static final ParameterLayout LAYOUT = ParameterLayout.of(List.of(
            new ParameterLayout.Parameter("w", new int[] {2, 3}),
            new ParameterLayout.Parameter("e", new int[] {2}),
            new ParameterLayout.Parameter("b", new int[] {3})));
    private static final GradientMetadata METADATA = new GradientMetadata(1234, 12, 3, 2.5, 2.25,
            List.of(2.5, 2.375, 2.25), 6);
    private static final Gradient GRADIENT = new Gradient(METADATA, new SparseDelta(LAYOUT, List.of(
            new SparseTensor("w", new int[] {2, 3}, new int[] {1, 5}, new float[] {0.5f, -2}),
            new SparseTensor("b", new int[] {3}, new int[] {2}, new float[] {4}))));
    private static final String METADATA_JSON = "{\"window_id\":1234,\"miner_uid\":12,\"steps_trained\":3,"
            + "\"loss_before\":2.5,\"loss_after\":2.25,\"loss_trajectory\":[2.5,2.375,2.25],\"model_v_trained\":6}";
    private static final String W = "{\"name\":\"w\",\"shape\":[2,3],\"k\":2}";
    private static final String B = "{\"name\":\"b\",\"shape\":[3],\"k\":1}";

    @Test
    void encodesTheDocumentedBytesAndDecodesThemBack() {
        byte[] bytes = GradientCodec.encode(GRADIENT);

        byte[] handMade = file(header(METADATA_JSON, W, B), new int[] {1, 5}, new float[] {0.5f, -2},
                new int[] {2}, new float[] {4});
        assertThat(bytes).isEqualTo(handMade);
        assertThat(bytes.length).isEqualTo(8 + ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong() + 24);
        Gradient decoded = GradientCodec.decode(bytes, LAYOUT, "g");
        assertThat(decoded).isEqualTo(GRADIENT);
        assertThat(decoded.metadata().lossTrajectory()).containsExactly(2.5, 2.375, 2.25);
    }

    @Test
    void roundTripsATopKCompressedDeltaThroughAStream() throws IOException {
        var before = TopKTest.set(new float[10], new float[3]);
        var after = TopKTest.set(new float[] {1, -2, 3, -4, 5, -6, 7, -8, 9, -10}, new float[] {0.25f, 0, 0});
        SparseDelta delta = TopK.compress(before, after, 0.2);
        var gradient = new Gradient(METADATA, delta);

        Gradient decoded = GradientCodec.decode(new ByteArrayInputStream(GradientCodec.encode(gradient)),
                ParameterLayout.of(before), GradientCodec.DEFAULT_MAX_BYTES, "g");

        assertThat(decoded.delta().toDense()).isEqualTo(delta.toDense());
        assertThat(decoded.delta().tensors().get(0).indices()).containsExactly(8, 9);
    }

    @Test
    void acceptsAGradientThatOmitsParameters() {
        byte[] bytes = file(header(METADATA_JSON, B), new int[] {0}, new float[] {1});
        assertThat(GradientCodec.decode(bytes, LAYOUT, "g").delta().toDense().tensors().get(2).values())
                .containsExactly(1, 0, 0);
    }

    @Test
    void rejectsATruncatedFile() {
        byte[] bytes = GradientCodec.encode(GRADIENT);
        assertRejected(Arrays.copyOf(bytes, bytes.length - 1), Defect.TRUNCATED,
                "g: tensors declare 24 data bytes but only 23 follow the header");
        assertRejected(Arrays.copyOf(bytes, 20), Defect.HEADER_LENGTH,
                "g: header length " + (bytes.length - 32) + " exceeds the 12 bytes after the length prefix");
    }

    @Test
    void rejectsTrailingGarbage() {
        byte[] bytes = Arrays.copyOf(GradientCodec.encode(GRADIENT), GradientCodec.encode(GRADIENT).length + 5);
        assertRejected(bytes, Defect.TRAILING_BYTES, "g: 5 bytes follow the last tensor (tensors declare 24 data bytes)");
    }

    @Test
    void rejectsAFileOverTheByteLimitWithoutReadingPastIt() throws IOException {
        byte[] bytes = GradientCodec.encode(GRADIENT);
        assertThatThrownBy(() -> GradientCodec.decode(bytes, LAYOUT, bytes.length - 1, "g"))
                .isInstanceOfSatisfying(TensorFileException.class, e -> assertThat(e.defect()).isEqualTo(Defect.OVERSIZED))
                .hasMessage("g: gradient of " + bytes.length + " bytes exceeds the limit of " + (bytes.length - 1) + " bytes");
        var endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return 0;
            }
        };
        assertThatThrownBy(() -> GradientCodec.decode(endless, LAYOUT, 1000, "g"))
                .hasMessage("g: gradient of 1001 bytes exceeds the limit of 1000 bytes");
        assertThat(endless.served).isEqualTo(1001);
    }

    @Test
    void rejectsAHeaderThatIsNotStrictJsonOrNotUtf8() {
        assertRejected(rawFrame("{\"format\":\"mvtrx-gentrx-grad\",\"format_version\":1,}".getBytes()),
                Defect.MALFORMED_HEADER, "g: malformed JSON at offset 49: expected a member name in double quotes");
        assertRejected(rawFrame(new byte[] {'{', (byte) 0xC3, '}', ' '}), Defect.MALFORMED_HEADER,
                "g: header is not valid UTF-8");
    }

    @Test
    void rejectsAnotherFormatVersion() {
        byte[] bytes = file(header(METADATA_JSON, W, B).replace("\"format_version\":1", "\"format_version\":2"),
                new int[] {1, 5}, new float[] {0.5f, -2}, new int[] {2}, new float[] {4});
        assertRejected(bytes, Defect.UNSUPPORTED_VERSION,
                "g: mvtrx-gentrx-grad format version 2 is not supported; this reader knows version 1");
    }

    @Test
    void rejectsAnUnknownTensorName() {
        byte[] bytes = file(header(METADATA_JSON, W.replace("\"w\"", "\"lm_head.weight\"")), new int[] {1, 5},
                new float[] {0.5f, -2});
        assertRejected(bytes, Defect.UNKNOWN_TENSOR, "g: tensor lm_head.weight is not a parameter of the expected model");
    }

    @Test
    void rejectsATensorListedTwice() {
        byte[] bytes = file(header(METADATA_JSON, W, W), new int[] {1, 5}, new float[] {0.5f, -2}, new int[] {1, 5},
                new float[] {0.5f, -2});
        assertRejected(bytes, Defect.DUPLICATE_TENSOR, "g: tensor w is listed twice");
    }

    @Test
    void rejectsTensorsOutOfModelOrder() {
        byte[] bytes = file(header(METADATA_JSON, B, W), new int[] {2}, new float[] {4}, new int[] {1, 5},
                new float[] {0.5f, -2});
        assertRejected(bytes, Defect.TENSOR_ORDER, "g: tensor w comes after b but precedes it in the model");
    }

    @Test
    void rejectsAWrongShape() {
        byte[] bytes = file(header(METADATA_JSON, W.replace("[2,3]", "[3,2]")), new int[] {1, 5},
                new float[] {0.5f, -2});
        assertRejected(bytes, Defect.SHAPE_MISMATCH, "g: tensor w has shape [3, 2], the model expects [2, 3]");
    }

    @Test
    void rejectsACountBeyondTheTensorOrNegative() {
        byte[] bytes = file(header(METADATA_JSON, B.replace("\"k\":1", "\"k\":4")), new int[] {0, 1, 2, 3},
                new float[] {1, 1, 1, 1});
        assertRejected(bytes, Defect.COUNT_MISMATCH, "g: tensor b declares k = 4 entries but has 3 elements");
        assertRejected(file(header(METADATA_JSON, B.replace("\"k\":1", "\"k\":-1"))), Defect.COUNT_MISMATCH,
                "g: tensor b declares k = -1 entries but has 3 elements");
    }

    @Test
    void rejectsAnIndexOutOfRange() {
        assertRejected(file(header(METADATA_JSON, B), new int[] {3}, new float[] {1}), Defect.INDEX_OUT_OF_RANGE,
                "g: tensor b: index 3 at position 0 is outside [0, 3)");
        assertRejected(file(header(METADATA_JSON, B), new int[] {-1}, new float[] {1}), Defect.INDEX_OUT_OF_RANGE,
                "g: tensor b: index -1 at position 0 is outside [0, 3)");
    }

    @Test
    void rejectsADuplicateIndex() {
        assertRejected(file(header(METADATA_JSON, W), new int[] {4, 4}, new float[] {1, 2}), Defect.DUPLICATE_INDEX,
                "g: tensor w: index 4 appears twice (positions 0 and 1)");
    }

    @Test
    void rejectsUnsortedIndices() {
        assertRejected(file(header(METADATA_JSON, W), new int[] {5, 1}, new float[] {1, 2}), Defect.UNSORTED_INDICES,
                "g: tensor w: index 1 at position 1 follows 5; indices must ascend");
    }

    @Test
    void rejectsNaNAndInfiniteValues() {
        assertRejected(file(header(METADATA_JSON, W), new int[] {1, 5}, new float[] {Float.NaN, 2}),
                Defect.NON_FINITE_VALUE, "g: tensor w holds NaN at index 1");
        assertRejected(file(header(METADATA_JSON, W), new int[] {1, 5}, new float[] {1, Float.POSITIVE_INFINITY}),
                Defect.NON_FINITE_VALUE, "g: tensor w holds Infinity at index 5");
    }

    @Test
    void rejectsMissingUnknownAndOutOfRangeMetadata() {
        assertRejected(file(header(METADATA_JSON.replace("\"window_id\":1234,", ""), B), new int[] {0},
                new float[] {1}), Defect.BAD_FIELD, "g: header metadata lacks the member \"window_id\"");
        assertRejected(file(header(METADATA_JSON.replace("{", "{\"__reduce__\":\"os.system\","), B), new int[] {0},
                new float[] {1}), Defect.BAD_FIELD, "g: header metadata has the unknown member \"__reduce__\" (allowed: "
                + "[loss_after, loss_before, loss_trajectory, miner_uid, model_v_trained, steps_trained, window_id])");
        assertRejected(file(header(METADATA_JSON.replace("\"miner_uid\":12", "\"miner_uid\":70000"), B),
                new int[] {0}, new float[] {1}), Defect.BAD_FIELD,
                "g: header metadata.miner_uid must be in [0, 65535], got 70000");
        assertRejected(file(header(METADATA_JSON.replace("[2.5,2.375,2.25]", "[2.5,\"x\"]"), B), new int[] {0},
                new float[] {1}), Defect.BAD_FIELD, "g: header metadata.loss_trajectory[1] must be a number");
        assertRejected(file(header(METADATA_JSON.replace("2.25,", "1e400,"), B), new int[] {0}, new float[] {1}),
                Defect.BAD_FIELD, "g: header metadata.loss_after is out of the range of a double");
    }

    private static void assertRejected(byte[] bytes, Defect defect, String message) {
        assertThatThrownBy(() -> GradientCodec.decode(bytes, LAYOUT, "g"))
                .isInstanceOfSatisfying(TensorFileException.class, e -> assertThat(e.defect()).isEqualTo(defect))
                .hasMessage(message);
    }

    private static String header(String metadata, String... tensors) {
        return "{\"format\":\"mvtrx-gentrx-grad\",\"format_version\":1,\"metadata\":" + metadata + ",\"tensors\":["
                + String.join(",", tensors) + "]}";
    }

    /** A file built by hand: header padded to 8 bytes, then for each (indices, values) pair the raw arrays. */
    private static byte[] file(String header, Object... body) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 8 + 7) / 8 * 8 - 8;
        int bodyBytes = 0;
        for (Object part : body) {
            bodyBytes += 4 * (part instanceof int[] ints ? ints.length : ((float[]) part).length);
        }
        var buffer = ByteBuffer.allocate(8 + padded + bodyBytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            buffer.put((byte) ' ');
        }
        for (Object part : body) {
            if (part instanceof int[] ints) {
                for (int v : ints) {
                    buffer.putInt(v);
                }
            } else {
                for (float v : (float[]) part) {
                    buffer.putFloat(v);
                }
            }
        }
        return buffer.array();
    }

    private static byte[] rawFrame(byte[] json) {
        return ByteBuffer.allocate(8 + json.length).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).put(json).array();
    }
}
