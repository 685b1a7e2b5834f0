package io.mvtrx.runtime.gentrx.delta.gradient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.frame.Defect;
import io.mvtrx.runtime.gentrx.delta.frame.HeaderFrame;
import io.mvtrx.runtime.gentrx.delta.frame.LittleEndianInput;
import io.mvtrx.runtime.gentrx.delta.frame.TensorFileException;
import io.mvtrx.runtime.gentrx.delta.json.JsonException;
import io.mvtrx.runtime.gentrx.delta.json.JsonFields;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonArray;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonNumber;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonObject;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonString;

/**
 * The {@code .grad} file, format v1 (doc/gentrx-formats.md §3): the shared header frame with
 * {@code {"format": "mvtrx-gentrx-grad", "format_version": 1, "metadata": {...}, "tensors": [...]}}, then the sparse
 * body of {@link SparseDeltaCodec} (int32 indices, float32 values).
 *
 * <p>Decoding treats the bytes as hostile: it never executes or instantiates anything named by the input, reads at
 * most {@code maxBytes} (default {@value #DEFAULT_MAX_BYTES}), and checks every field against the expected model
 * layout. Each fault is a {@link TensorFileException} whose {@link Defect} says which. Stateless; thread-safe.
 */
public final class GradientCodec {

    /** The {@code "format"} member. */
    public static final String FORMAT = "mvtrx-gentrx-grad";
    /** The only {@code "format_version"} this code writes and reads. */
    public static final int VERSION = 1;
    /** The default size limit, as the reference server's (20 MiB). */
    public static final long DEFAULT_MAX_BYTES = 20L << 20;

    private static final Set<String> HEADER_MEMBERS = Set.of("format", "format_version", "metadata", "tensors");
    private static final Set<String> METADATA_MEMBERS = Set.of("window_id", "miner_uid", "steps_trained",
            "loss_before", "loss_after", "loss_trajectory", "model_v_trained");

    private GradientCodec() {
    }

    public static JsonObject header(Gradient gradient) {
        GradientMetadata m = gradient.metadata();
        var metadata = new LinkedHashMap<String, JsonValue>();
        metadata.put("window_id", JsonNumber.of(m.windowId()));
        metadata.put("miner_uid", JsonNumber.of(m.minerUid()));
        metadata.put("steps_trained", JsonNumber.of(m.stepsTrained()));
        metadata.put("loss_before", JsonNumber.of(m.lossBefore()));
        metadata.put("loss_after", JsonNumber.of(m.lossAfter()));
        var trajectory = new ArrayList<JsonValue>(m.lossTrajectory().size());
        for (double loss : m.lossTrajectory()) {
            trajectory.add(JsonNumber.of(loss));
        }
        metadata.put("loss_trajectory", new JsonArray(trajectory));
        metadata.put("model_v_trained", JsonNumber.of(m.modelVersionTrained()));
        var header = new LinkedHashMap<String, JsonValue>();
        header.put("format", new JsonString(FORMAT));
        header.put("format_version", JsonNumber.of(VERSION));
        header.put("metadata", new JsonObject(metadata));
        header.put("tensors", SparseDeltaCodec.table(gradient.delta()));
        return new JsonObject(header);
    }

    public static void encode(Gradient gradient, OutputStream out) throws IOException {
        HeaderFrame.write(out, header(gradient));
        SparseDeltaCodec.writeBody(gradient.delta(), out);
        out.flush();
    }

    /** The whole file in one exactly sized array, filled in place (no intermediate stream or copy). */
    public static byte[] encode(Gradient gradient) {
        byte[] frame = HeaderFrame.encode(header(gradient));
        long size = frame.length + SparseDeltaCodec.bodyBytes(gradient.delta());
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("gradient of " + size + " bytes does not fit one array");
        }
        var buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(frame);
        for (SparseTensor tensor : gradient.delta().tensors()) {
            buffer.asIntBuffer().put(tensor.indices());
            buffer.position(buffer.position() + 4 * tensor.count());
            buffer.asFloatBuffer().put(tensor.values());
            buffer.position(buffer.position() + 4 * tensor.count());
        }
        return buffer.array();
    }

    /** Decodes a whole file held in memory, refusing it if it is larger than {@code maxBytes}. */
    public static Gradient decode(byte[] bytes, ParameterLayout layout, long maxBytes, String source) {
        if (bytes.length > maxBytes) {
            throw new TensorFileException(Defect.OVERSIZED, source, "gradient of " + bytes.length
                    + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        try {
            return decode(new LittleEndianInput(new ByteArrayInputStream(bytes), source), bytes.length, layout,
                    source);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }

    public static Gradient decode(byte[] bytes, ParameterLayout layout, String source) {
        return decode(bytes, layout, DEFAULT_MAX_BYTES, source);
    }

    /**
     * Reads a stream of unknown length (an object being downloaded), stopping as soon as it passes {@code maxBytes}
     * so an endless or huge stream costs at most that much memory. The stream is not closed.
     */
    public static Gradient decode(InputStream in, ParameterLayout layout, long maxBytes, String source)
            throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
        return decode(bytes, layout, maxBytes, source);
    }

    private static Gradient decode(LittleEndianInput in, long fileBytes, ParameterLayout layout, String source)
            throws IOException {
        JsonObject header = HeaderFrame.read(in, fileBytes, FORMAT, VERSION, source);
        GradientMetadata metadata;
        JsonValue table;
        try {
            JsonFields.onlyMembers(header, HEADER_MEMBERS, "header");
            metadata = metadata(JsonFields.member(header, "metadata", "header"));
            table = JsonFields.member(header, "tensors", "header");
        } catch (JsonException | IllegalArgumentException e) {
            throw new TensorFileException(Defect.BAD_FIELD, source, "header " + e.getMessage());
        }
        SparseDelta delta = SparseDeltaCodec.read(table, in, fileBytes - in.position(), layout, source);
        return new Gradient(metadata, delta);
    }

    private static GradientMetadata metadata(JsonValue value) {
        JsonObject m = JsonFields.object(value, "metadata");
        JsonFields.onlyMembers(m, METADATA_MEMBERS, "metadata");
        List<JsonValue> losses = JsonFields.array(JsonFields.member(m, "loss_trajectory", "metadata"),
                "metadata.loss_trajectory").elements();
        if (losses.size() > GradientMetadata.MAX_TRAJECTORY) {
            throw new JsonException("metadata.loss_trajectory holds " + losses.size() + " losses; at most "
                    + GradientMetadata.MAX_TRAJECTORY + " are allowed");
        }
        var trajectory = new ArrayList<Double>(losses.size());
        for (int i = 0; i < losses.size(); i++) {
            trajectory.add(JsonFields.number(losses.get(i), "metadata.loss_trajectory[" + i + "]"));
        }
        return new GradientMetadata(
                JsonFields.integer(JsonFields.member(m, "window_id", "metadata"), "metadata.window_id", 0,
                        Long.MAX_VALUE),
                (int) JsonFields.integer(JsonFields.member(m, "miner_uid", "metadata"), "metadata.miner_uid", 0,
                        GradientMetadata.MAX_UID),
                (int) JsonFields.integer(JsonFields.member(m, "steps_trained", "metadata"), "metadata.steps_trained",
                        0, Integer.MAX_VALUE),
                JsonFields.number(JsonFields.member(m, "loss_before", "metadata"), "metadata.loss_before"),
                JsonFields.number(JsonFields.member(m, "loss_after", "metadata"), "metadata.loss_after"),
                trajectory,
                JsonFields.integer(JsonFields.member(m, "model_v_trained", "metadata"), "metadata.model_v_trained",
                        0, Long.MAX_VALUE));
    }
}
