package io.mvtrx.runtime.gentrx.delta.version;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.ParameterLayout.Parameter;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.frame.Defect;
import io.mvtrx.runtime.gentrx.delta.frame.HeaderFrame;
import io.mvtrx.runtime.gentrx.delta.frame.LittleEndianInput;
import io.mvtrx.runtime.gentrx.delta.frame.LittleEndianOutput;
import io.mvtrx.runtime.gentrx.delta.frame.TensorFileException;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDeltaCodec;
import io.mvtrx.runtime.gentrx.delta.json.JsonException;
import io.mvtrx.runtime.gentrx.delta.json.JsonFields;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonArray;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonNumber;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonObject;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonString;

/**
 * The version delta file, format v1 (doc/gentrx-formats.md §4): the shared header frame with
 * {@code {"format": "mvtrx-gentrx-version-delta", "format_version": 1, "from_version", "to_version", "encoding":
 * "dense"|"sparse", "state_hash"?, "tensors": [...]}}, then for {@code dense} every parameter's float32 values in
 * layout order, for {@code sparse} the body of {@link SparseDeltaCodec}.
 *
 * <p>Reading checks everything against the expected layout before allocating, and every value for finiteness;
 * faults are {@link TensorFileException}s. The default size limit is 8 bytes per model element plus the header
 * limit, the largest a valid file of either encoding can be. Stateless; thread-safe.
 */
public final class VersionDeltaCodec {

    /** The {@code "format"} member. */
    public static final String FORMAT = "mvtrx-gentrx-version-delta";
    /** The only {@code "format_version"} this code writes and reads. */
    public static final int VERSION = 1;
    /** {@code "encoding"} of a {@link DeltaBody.Dense} body. */
    public static final String DENSE = "dense";
    /** {@code "encoding"} of a {@link DeltaBody.Sparse} body. */
    public static final String SPARSE = "sparse";

    private static final Set<String> HEADER_MEMBERS = Set.of("format", "format_version", "from_version", "to_version",
            "encoding", "state_hash", "tensors");
    private static final Set<String> DENSE_ENTRY_MEMBERS = Set.of("name", "shape");

    private VersionDeltaCodec() {
    }

    /** The largest file a valid delta over {@code layout} can be. */
    public static long defaultMaxBytes(ParameterLayout layout) {
        return HeaderFrame.PREFIX_BYTES + HeaderFrame.MAX_HEADER_BYTES + 8 * layout.totalElements();
    }

    public static JsonObject header(VersionDelta delta) {
        var header = new LinkedHashMap<String, JsonValue>();
        header.put("format", new JsonString(FORMAT));
        header.put("format_version", JsonNumber.of(VERSION));
        header.put("from_version", JsonNumber.of(delta.fromVersion()));
        header.put("to_version", JsonNumber.of(delta.toVersion()));
        switch (delta.body()) {
            case DeltaBody.Dense dense -> {
                header.put("encoding", new JsonString(DENSE));
                delta.stateHash().ifPresent(hash -> header.put("state_hash", new JsonString(hash)));
                var table = new ArrayList<JsonValue>();
                for (Tensor tensor : dense.delta().tensors()) {
                    var entry = new LinkedHashMap<String, JsonValue>();
                    entry.put("name", new JsonString(tensor.name()));
                    entry.put("shape", JsonFields.fromShape(tensor.shape()));
                    table.add(new JsonObject(entry));
                }
                header.put("tensors", new JsonArray(table));
            }
            case DeltaBody.Sparse sparse -> {
                header.put("encoding", new JsonString(SPARSE));
                delta.stateHash().ifPresent(hash -> header.put("state_hash", new JsonString(hash)));
                header.put("tensors", SparseDeltaCodec.table(sparse.delta()));
            }
        }
        return new JsonObject(header);
    }

    public static void write(VersionDelta delta, OutputStream out) throws IOException {
        HeaderFrame.write(out, header(delta));
        switch (delta.body()) {
            case DeltaBody.Dense dense -> {
                var body = new LittleEndianOutput(out);
                for (Tensor tensor : dense.delta().tensors()) {
                    requireFinite(tensor);
                    body.writeFloats(tensor.values(), 0, tensor.size());
                }
            }
            case DeltaBody.Sparse sparse -> SparseDeltaCodec.writeBody(sparse.delta(), out);
        }
        out.flush();
    }

    /** Writes through a sibling temporary file and an atomic move. */
    public static void write(VersionDelta delta, Path target) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(),
                ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                write(delta, out);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static VersionDelta read(Path file, ParameterLayout layout) throws IOException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, size, layout, defaultMaxBytes(layout), file.toString());
        }
    }

    /**
     * Reads {@code fileBytes} bytes from a stream (not closed).
     *
     * @param source the key or path, for messages
     */
    public static VersionDelta read(InputStream stream, long fileBytes, ParameterLayout layout, long maxBytes,
                                    String source) throws IOException {
        if (fileBytes > maxBytes) {
            throw new TensorFileException(Defect.OVERSIZED, source, "version delta of " + fileBytes
                    + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        var in = new LittleEndianInput(stream, source);
        JsonObject header = HeaderFrame.read(in, fileBytes, FORMAT, VERSION, source);
        long from;
        long to;
        String encoding;
        Optional<String> stateHash;
        JsonValue table;
        try {
            JsonFields.onlyMembers(header, HEADER_MEMBERS, "header");
            from = JsonFields.integer(JsonFields.member(header, "from_version", "header"), "from_version", 0,
                    Long.MAX_VALUE - 1);
            to = JsonFields.integer(JsonFields.member(header, "to_version", "header"), "to_version", from + 1,
                    Long.MAX_VALUE);
            encoding = JsonFields.string(JsonFields.member(header, "encoding", "header"), "encoding");
            if (!encoding.equals(DENSE) && !encoding.equals(SPARSE)) {
                throw new JsonException("encoding must be \"dense\" or \"sparse\", got \"" + encoding + "\"");
            }
            stateHash = JsonFields.optionalMember(header, "state_hash").map(v -> JsonFields.string(v, "state_hash"));
            stateHash.ifPresent(StateHash::requireHex);
            table = JsonFields.member(header, "tensors", "header");
        } catch (JsonException | IllegalArgumentException e) {
            throw new TensorFileException(Defect.BAD_FIELD, source, "header " + e.getMessage());
        }
        long bodyBytes = fileBytes - in.position();
        DeltaBody body = encoding.equals(SPARSE)
                ? new DeltaBody.Sparse(SparseDeltaCodec.read(table, in, bodyBytes, layout, source))
                : readDense(table, in, bodyBytes, layout, source);
        if (!in.atEnd()) {
            throw new TensorFileException(Defect.TRAILING_BYTES, source,
                    "bytes follow the last tensor, beyond the declared size of " + fileBytes);
        }
        return new VersionDelta(from, to, body, stateHash);
    }

    private static DeltaBody.Dense readDense(JsonValue tableValue, LittleEndianInput in, long bodyBytes,
                                             ParameterLayout layout, String source) throws IOException {
        List<JsonValue> table;
        try {
            table = JsonFields.array(tableValue, "tensors").elements();
            var seen = new boolean[layout.size()];
            for (int i = 0; i < table.size(); i++) {
                String path = "tensors[" + i + "]";
                JsonObject entry = JsonFields.object(table.get(i), path);
                JsonFields.onlyMembers(entry, DENSE_ENTRY_MEMBERS, path);
                String name = JsonFields.string(JsonFields.member(entry, "name", path), path + ".name");
                int[] shape = JsonFields.shape(JsonFields.member(entry, "shape", path), path + ".shape");
                checkDenseEntry(i, name, shape, layout, seen, source);
            }
        } catch (JsonException e) {
            throw new TensorFileException(Defect.BAD_FIELD, source, "header " + e.getMessage());
        }
        if (table.size() < layout.size()) {
            throw new TensorFileException(Defect.MISSING_TENSOR, source, "tensor " + layout.get(table.size()).name()
                    + " is missing (" + table.size() + " of " + layout.size() + " parameters present)");
        }
        long declared = 4 * layout.totalElements();
        if (declared > bodyBytes) {
            throw new TensorFileException(Defect.TRUNCATED, source, "tensors declare " + declared
                    + " data bytes but only " + bodyBytes + " follow the header");
        }
        if (declared < bodyBytes) {
            throw new TensorFileException(Defect.TRAILING_BYTES, source, (bodyBytes - declared)
                    + " bytes follow the last tensor (tensors declare " + declared + " data bytes)");
        }
        var tensors = new ArrayList<Tensor>(layout.size());
        for (Parameter parameter : layout.parameters()) {
            var values = new float[parameter.elements()];
            in.readFloats(values, 0, values.length);
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new TensorFileException(Defect.NON_FINITE_VALUE, source, "tensor " + parameter.name()
                            + " holds " + values[i] + " at element " + i);
                }
            }
            tensors.add(new Tensor(parameter.name(), parameter.shape(), values));
        }
        return new DeltaBody.Dense(new TensorSet(tensors));
    }

    private static void checkDenseEntry(int position, String name, int[] shape, ParameterLayout layout,
                                        boolean[] seen, String source) {
        var index = layout.indexOf(name);
        if (index.isEmpty()) {
            throw new TensorFileException(Defect.UNKNOWN_TENSOR, source,
                    "tensor " + name + " is not a parameter of the expected model");
        }
        if (seen[index.getAsInt()]) {
            throw new TensorFileException(Defect.DUPLICATE_TENSOR, source, "tensor " + name + " is listed twice");
        }
        seen[index.getAsInt()] = true;
        Parameter parameter = layout.get(index.getAsInt());
        if (!parameter.hasShape(shape)) {
            throw new TensorFileException(Defect.SHAPE_MISMATCH, source, "tensor " + name + " has shape "
                    + Arrays.toString(shape) + ", the model expects " + Arrays.toString(parameter.shape()));
        }
        if (index.getAsInt() != position) {
            throw new TensorFileException(Defect.TENSOR_ORDER, source, "tensor " + name + " is at position "
                    + position + ", the model has it at position " + index.getAsInt());
        }
    }

    private static void requireFinite(Tensor tensor) {
        float[] values = tensor.values();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("tensor " + tensor.name() + " holds the non-finite value "
                        + values[i] + " at element " + i + "; a version delta must be finite");
            }
        }
    }
}
