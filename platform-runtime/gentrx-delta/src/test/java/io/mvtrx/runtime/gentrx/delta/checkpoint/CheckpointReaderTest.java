package io.mvtrx.runtime.gentrx.delta.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.frame.Defect;
import io.mvtrx.runtime.gentrx.delta.frame.HeaderFrame;
import io.mvtrx.runtime.gentrx.delta.frame.TensorFileException;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonArray;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonNumber;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonObject;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonString;

class CheckpointReaderTest {

    private static final TensorSet TENSORS = new TensorSet(List.of(
            new Tensor("w", new int[] {2, 3}, new float[] {1, -2, 3.5f, 0, -0.25f, 6}),
            new Tensor("b", new int[] {3}, new float[] {0.5f, 1e-30f, -7})));
    private static final ParameterLayout LAYOUT = ParameterLayout.of(TENSORS);
    private static final Checkpoint CHECKPOINT = new Checkpoint(6, 3, Map.of("d_model", "288"),
            Map.of("n_types", "5"), Map.of("step", "120"), TENSORS);

    @Test
    void writesTheDocumentedBytesAndReadsThemBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("v00006.pt");
        CheckpointWriter.write(CHECKPOINT, file);
        byte[] bytes = Files.readAllBytes(file);

        var buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buffer.getLong(0);
        assertThat((8 + headerLength) % 8).isZero();
        assertThat(bytes.length).isEqualTo(8 + headerLength + 9 * 4);
        assertThat(buffer.getFloat((int) (8 + headerLength) + 2 * 4)).isEqualTo(3.5f);
        assertThat(new String(bytes, 8, 60, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"format\":\"mvtrx-gentrx-checkpoint\",\"format_version\":1");

        Checkpoint read = CheckpointReader.read(file, Optional.of(LAYOUT));
        assertThat(read).isEqualTo(CHECKPOINT);
        assertThat(dir.toFile().list()).containsExactly("v00006.pt");
    }

    @Test
    void readsWithoutAnExpectedLayout() throws IOException {
        byte[] bytes = encode(CHECKPOINT);
        Checkpoint read = CheckpointReader.read(new ByteArrayInputStream(bytes), bytes.length, Optional.empty(), "x");
        assertThat(read.tensors()).isEqualTo(TENSORS);
        assertThat(read.modelVersion()).isEqualTo(6);
        assertThat(read.trainRegimeVersion()).isEqualTo(3);
    }

    @Test
    void refusesAnUnknownFormatVersionByName() {
        byte[] bytes = withHeader(h -> put(h, "format_version", JsonNumber.of(2)));
        assertRejected(bytes, Defect.UNSUPPORTED_VERSION,
                "ckpt: mvtrx-gentrx-checkpoint format version 2 is not supported; this reader knows version 1");
    }

    @Test
    void refusesAnotherFileKind() {
        byte[] bytes = withHeader(h -> put(h, "format", new JsonString("mvtrx-gentrx-grad")));
        assertRejected(bytes, Defect.WRONG_FORMAT,
                "ckpt: header format is \"mvtrx-gentrx-grad\", expected \"mvtrx-gentrx-checkpoint\"");
    }

    @Test
    void refusesAHeaderLengthBeyondTheFileOrTheLimit() throws IOException {
        byte[] bytes = encode(CHECKPOINT);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, bytes.length);
        assertRejected(bytes, Defect.HEADER_LENGTH,
                "ckpt: header length " + bytes.length + " exceeds the " + (bytes.length - 8)
                        + " bytes after the length prefix");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1);
        assertRejected(bytes, Defect.HEADER_LENGTH, "ckpt: header length 18446744073709551615 is outside [1, 1048576]");
    }

    @Test
    void refusesAFileShorterThanItsTensorsAndOneWithBytesAfterThem() throws IOException {
        byte[] bytes = encode(CHECKPOINT);
        assertRejected(java.util.Arrays.copyOf(bytes, bytes.length - 4), Defect.TRUNCATED,
                "ckpt: tensors declare 36 data bytes but only 32 follow the header");
        assertRejected(java.util.Arrays.copyOf(bytes, bytes.length + 3), Defect.TRAILING_BYTES,
                "ckpt: 3 bytes follow the last tensor (tensors declare 36 data bytes)");
        assertRejected(java.util.Arrays.copyOf(bytes, 5), Defect.TRUNCATED,
                "ckpt: file of 5 bytes is shorter than the 8-byte header length");
    }

    @Test
    void refusesMalformedJson() {
        byte[] bytes = frame("{\"format\":\"mvtrx-gentrx-checkpoint\",}".getBytes(), new byte[0]);
        assertRejected(bytes, Defect.MALFORMED_HEADER,
                "ckpt: malformed JSON at offset 36: expected a member name in double quotes");
    }

    @Test
    void refusesADtypeOtherThanF32() {
        byte[] bytes = withHeader(h -> tensor(h, 1, "dtype", new JsonString("F16")));
        assertRejected(bytes, Defect.BAD_DTYPE, "ckpt: tensor b has dtype F16; format version 1 holds only F32");
    }

    @Test
    void refusesOffsetsThatAreNotContiguous() {
        byte[] bytes = withHeader(h -> tensor(h, 1, "data_offsets",
                new JsonArray(List.of(JsonNumber.of(28), JsonNumber.of(40)))));
        assertRejected(bytes, Defect.BAD_OFFSETS, "ckpt: tensor b has data_offsets [28, 40], expected [24, 36]"
                + " (contiguous, 4 bytes per element of [3])");
    }

    @Test
    void refusesAShapeTheModelDoesNotHave() {
        byte[] bytes = withHeader(h -> {
            tensor(h, 0, "shape", new JsonArray(List.of(JsonNumber.of(3), JsonNumber.of(2))));
        });
        assertRejected(bytes, Defect.SHAPE_MISMATCH, "ckpt: tensor w has shape [3, 2], the model expects [2, 3]");
    }

    @Test
    void refusesATensorTheModelDoesNotHave() {
        byte[] bytes = withHeader(h -> tensor(h, 1, "name", new JsonString("lm_head.bias")));
        assertRejected(bytes, Defect.UNKNOWN_TENSOR, "ckpt: tensor lm_head.bias is not a parameter of the expected model");
    }

    @Test
    void refusesADuplicateTensorName() {
        byte[] bytes = withHeader(h -> tensor(h, 1, "name", new JsonString("w")));
        assertRejected(bytes, Defect.DUPLICATE_TENSOR, "ckpt: tensor w is listed twice");
    }

    @Test
    void refusesTensorsOutOfOrderAndAMissingOne() throws IOException {
        var swapped = new Checkpoint(1, 3, Map.of(), Map.of(), Map.of(),
                new TensorSet(List.of(TENSORS.tensors().get(1), TENSORS.tensors().get(0))));
        assertRejected(encode(swapped), Defect.TENSOR_ORDER, "ckpt: tensor b is at position 0, the model has it at position 1");
        var partial = new Checkpoint(1, 3, Map.of(), Map.of(), Map.of(), new TensorSet(List.of(TENSORS.tensors().get(0))));
        assertRejected(encode(partial), Defect.MISSING_TENSOR, "ckpt: tensor b is missing (1 of 2 parameters present)");
    }

    @Test
    void refusesNonFiniteValues() throws IOException {
        byte[] bytes = encode(CHECKPOINT);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(bytes.length - 8, Float.NaN);
        assertRejected(bytes, Defect.NON_FINITE_VALUE, "ckpt: tensor b holds NaN at element 1");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(bytes.length - 36, Float.NEGATIVE_INFINITY);
        assertRejected(bytes, Defect.NON_FINITE_VALUE, "ckpt: tensor w holds -Infinity at element 0");
        assertThatThrownBy(() -> encode(new Checkpoint(1, 3, Map.of(), Map.of(), Map.of(),
                new TensorSet(List.of(new Tensor("x", new int[] {1}, new float[] {Float.NaN}))))))
                .hasMessage("tensor x holds the non-finite value NaN at element 0; a checkpoint must be finite");
    }

    @Test
    void refusesUnknownAndMistypedHeaderMembers() {
        assertRejected(withHeader(h -> put(h, "pickle", new JsonString("cos\nsystem"))), Defect.BAD_FIELD,
                "ckpt: header header has the unknown member \"pickle\" (allowed: [format, format_version, metadata,"
                        + " model_config, model_version, tensors, tokenizer_config, train_regime_version])");
        assertRejected(withHeader(h -> put(h, "model_version", JsonNumber.of(-1))), Defect.BAD_FIELD,
                "ckpt: header model_version must be in [0, 9223372036854775807], got -1");
        assertRejected(withHeader(h -> put(h, "model_config", new JsonObject(Map.of("d", JsonNumber.of(1))))),
                Defect.BAD_FIELD, "ckpt: header model_config.d must be a string");
    }

    private static void assertRejected(byte[] bytes, Defect defect, String message) {
        assertThatThrownBy(() -> CheckpointReader.read(new ByteArrayInputStream(bytes), bytes.length,
                Optional.of(LAYOUT), "ckpt"))
                .isInstanceOfSatisfying(TensorFileException.class, e -> assertThat(e.defect()).isEqualTo(defect))
                .hasMessage(message);
    }

    private static byte[] encode(Checkpoint checkpoint) throws IOException {
        var out = new ByteArrayOutputStream();
        CheckpointWriter.write(checkpoint, out);
        return out.toByteArray();
    }

    /** The valid file with its header rewritten; the body is kept as it was. */
    private static byte[] withHeader(java.util.function.Consumer<Map<String, JsonValue>> edit) {
        var members = new LinkedHashMap<>(CheckpointWriter.header(CHECKPOINT).members());
        edit.accept(members);
        byte[] body = new byte[9 * 4];
        var buffer = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor tensor : TENSORS.tensors()) {
            for (float value : tensor.values()) {
                buffer.putFloat(value);
            }
        }
        byte[] frame = HeaderFrame.encode(new JsonObject(members));
        return concat(frame, body);
    }

    private static void put(Map<String, JsonValue> header, String name, JsonValue value) {
        header.put(name, value);
    }

    private static void tensor(Map<String, JsonValue> header, int index, String name, JsonValue value) {
        var table = new ArrayList<>(((JsonArray) header.get("tensors")).elements());
        var entry = new LinkedHashMap<>(((JsonObject) table.get(index)).members());
        entry.put(name, value);
        table.set(index, new JsonObject(entry));
        header.put("tensors", new JsonArray(table));
    }

    private static byte[] frame(byte[] json, byte[] body) {
        var buffer = ByteBuffer.allocate(8 + json.length + body.length).order(ByteOrder.LITTLE_ENDIAN);
        return buffer.putLong(json.length).put(json).put(body).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
