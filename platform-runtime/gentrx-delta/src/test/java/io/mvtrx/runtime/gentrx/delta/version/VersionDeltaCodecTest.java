package io.mvtrx.runtime.gentrx.delta.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.frame.Defect;
import io.mvtrx.runtime.gentrx.delta.frame.TensorFileException;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDelta;
import io.mvtrx.runtime.gentrx.delta.gradient.TopK;

class VersionDeltaCodecTest {

    private static TensorSet model(float... w) {
        return new TensorSet(List.of(new Tensor("w", new int[] {2, 2}, Arrays.copyOf(w, 4)),
                new Tensor("b", new int[] {2}, Arrays.copyOfRange(w, 4, 6))));
    }

    private static final TensorSet V5 = model(1, 2, 3, 4, 5, 6);
    private static final TensorSet V6 = model(1.5f, 2, 3, 3, 5, 6.25f);
    private static final ParameterLayout LAYOUT = ParameterLayout.of(V5);

    @Test
    void aDenseDeltaAppliedToTheOldVersionReproducesTheNewOneBitForBit(@TempDir Path dir) throws IOException {
        var delta = new VersionDelta(5, 6, VersionDelta.denseDifference(V5, V6), Optional.of(StateHash.of(V6)));
        Path file = dir.resolve("v00006.grad");
        VersionDeltaCodec.write(delta, file);

        VersionDelta read = VersionDeltaCodec.read(file, LAYOUT);
        TensorSet synced = model(1, 2, 3, 4, 5, 6);
        read.applyTo(synced);

        assertThat(Files.size(file)).isEqualTo(8 + ByteBuffer.wrap(Files.readAllBytes(file))
                .order(ByteOrder.LITTLE_ENDIAN).getLong() + 6 * 4);
        assertThat(read.fromVersion()).isEqualTo(5);
        assertThat(read.toVersion()).isEqualTo(6);
        assertThat(synced).isEqualTo(V6);
        assertThat(read.verifies(synced)).isTrue();
        assertThat(read.verifies(V5)).isFalse();
    }

    @Test
    void aSparseDeltaCarriesOnlyTheKeptEntries() throws IOException {
        SparseDelta sparse = TopK.compress(V5, V6, 0.5);   // k = 2 of 4, 1 of 2
        var delta = new VersionDelta(5, 6, new DeltaBody.Sparse(sparse), Optional.empty());
        byte[] bytes = encode(delta);

        VersionDelta read = VersionDeltaCodec.read(new ByteArrayInputStream(bytes), bytes.length, LAYOUT,
                VersionDeltaCodec.defaultMaxBytes(LAYOUT), "d");
        TensorSet synced = model(1, 2, 3, 4, 5, 6);
        read.applyTo(synced);

        assertThat(read.body()).isEqualTo(new DeltaBody.Sparse(sparse));
        assertThat(read.body().storedElements()).isEqualTo(3);
        assertThat(synced).isEqualTo(V6);
    }

    @Test
    void picksDenseOnlyWhenMoreThanHalfOfTheElementsAreKept() {
        assertThat(VersionDelta.smallerBody(TopK.compress(V5, V6, 0.5))).isInstanceOf(DeltaBody.Sparse.class);
        DeltaBody dense = VersionDelta.smallerBody(TopK.compress(V5, V6, 0.75));   // k = 3 of 4, 1 of 2: 4 of 6
        assertThat(dense).isInstanceOf(DeltaBody.Dense.class);
        TensorSet synced = model(1, 2, 3, 4, 5, 6);
        new VersionDelta(5, 6, dense, Optional.empty()).applyTo(synced);
        assertThat(synced).isEqualTo(V6);
    }

    @Test
    void refusesADenseDeltaMissingATensorOrWithAShapeOrValueTheModelCannotTake() throws IOException {
        var partial = new TensorSet(List.of(new Tensor("w", new int[] {2, 2}, new float[4])));
        byte[] missing = encode(new VersionDelta(1, 2, new DeltaBody.Dense(partial), Optional.empty()));
        assertRejected(missing, Defect.MISSING_TENSOR, "d: tensor b is missing (1 of 2 parameters present)");

        var reshaped = new TensorSet(List.of(new Tensor("w", new int[] {4}, new float[4]),
                new Tensor("b", new int[] {2}, new float[2])));
        byte[] wrongShape = encode(new VersionDelta(1, 2, new DeltaBody.Dense(reshaped), Optional.empty()));
        assertRejected(wrongShape, Defect.SHAPE_MISMATCH, "d: tensor w has shape [4], the model expects [2, 2]");

        byte[] good = encode(new VersionDelta(1, 2, VersionDelta.denseDifference(V5, V6), Optional.empty()));
        ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).putFloat(good.length - 4, Float.NaN);
        assertRejected(good, Defect.NON_FINITE_VALUE, "d: tensor b holds NaN at element 1");
        assertRejected(Arrays.copyOf(good, good.length - 4), Defect.TRUNCATED,
                "d: tensors declare 24 data bytes but only 20 follow the header");
        assertRejected(Arrays.copyOf(good, good.length + 4), Defect.TRAILING_BYTES,
                "d: 4 bytes follow the last tensor (tensors declare 24 data bytes)");
    }

    @Test
    void refusesVersionsThatDoNotAdvanceAndAnOversizedFile() throws IOException {
        byte[] good = encode(new VersionDelta(1, 2, VersionDelta.denseDifference(V5, V6), Optional.empty()));
        String header = new String(good, 8, 100, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(header).contains("\"from_version\":1,\"to_version\":2,");
        byte[] backwards = good.clone();
        int at = indexOf(backwards, "\"to_version\":2".getBytes());
        backwards[at + 13] = '1';
        assertRejected(backwards, Defect.BAD_FIELD, "d: header to_version must be in [2, 9223372036854775807], got 1");
        assertThatThrownBy(() -> VersionDeltaCodec.read(new ByteArrayInputStream(good), good.length, LAYOUT, 100, "d"))
                .hasMessage("d: version delta of " + good.length + " bytes exceeds the limit of 100 bytes");
        assertThatThrownBy(() -> new VersionDelta(3, 3, VersionDelta.denseDifference(V5, V6), Optional.empty()))
                .hasMessage("a version delta goes from a version >= 0 to a later one, got 3 -> 3");
    }

    private static void assertRejected(byte[] bytes, Defect defect, String message) {
        assertThatThrownBy(() -> VersionDeltaCodec.read(new ByteArrayInputStream(bytes), bytes.length, LAYOUT,
                VersionDeltaCodec.defaultMaxBytes(LAYOUT), "d"))
                .isInstanceOfSatisfying(TensorFileException.class, e -> assertThat(e.defect()).isEqualTo(defect))
                .hasMessage(message);
    }

    private static byte[] encode(VersionDelta delta) throws IOException {
        var out = new ByteArrayOutputStream();
        VersionDeltaCodec.write(delta, out);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
