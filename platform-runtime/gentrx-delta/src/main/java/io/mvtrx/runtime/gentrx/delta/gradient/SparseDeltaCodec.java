package io.mvtrx.runtime.gentrx.delta.gradient;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.ParameterLayout.Parameter;
import io.mvtrx.runtime.gentrx.delta.frame.Defect;
import io.mvtrx.runtime.gentrx.delta.frame.LittleEndianInput;
import io.mvtrx.runtime.gentrx.delta.frame.LittleEndianOutput;
import io.mvtrx.runtime.gentrx.delta.frame.TensorFileException;
import io.mvtrx.runtime.gentrx.delta.json.JsonException;
import io.mvtrx.runtime.gentrx.delta.json.JsonFields;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonArray;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonNumber;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonObject;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonString;

/**
 * The sparse part shared by {@code .grad} files and sparse version deltas: a header table
 * {@code [{"name", "shape", "k"}, ...]} in layout order, and a body holding, per table entry, {@code k} int32
 * indices then {@code k} float32 values, little-endian, nothing between entries.
 *
 * <p>{@link #read} checks the whole table against the layout and the byte count before it allocates anything,
 * then checks every index and value as it reads them.
 */
public final class SparseDeltaCodec {

    private static final Set<String> ENTRY_MEMBERS = Set.of("name", "shape", "k");

    private SparseDeltaCodec() {
    }

    public static JsonArray table(SparseDelta delta) {
        var entries = new ArrayList<JsonValue>(delta.tensors().size());
        for (SparseTensor tensor : delta.tensors()) {
            var entry = new LinkedHashMap<String, JsonValue>();
            entry.put("name", new JsonString(tensor.name()));
            entry.put("shape", JsonFields.fromShape(tensor.shape()));
            entry.put("k", JsonNumber.of(tensor.count()));
            entries.add(new JsonObject(entry));
        }
        return new JsonArray(entries);
    }

    /** Body bytes the table declares. */
    public static long bodyBytes(SparseDelta delta) {
        return 8 * delta.count();
    }

    public static void writeBody(SparseDelta delta, OutputStream out) throws IOException {
        var body = new LittleEndianOutput(out);
        for (SparseTensor tensor : delta.tensors()) {
            body.writeInts(tensor.indices(), 0, tensor.count());
            body.writeFloats(tensor.values(), 0, tensor.count());
        }
    }

    /**
     * Reads a table and its body.
     *
     * @param bodyBytes the bytes left in the file after the header, which the table must account for exactly
     */
    public static SparseDelta read(JsonValue tableValue, LittleEndianInput in, long bodyBytes, ParameterLayout layout,
                                   String source) throws IOException {
        List<Entry> entries = entries(tableValue, layout, source);
        long declared = 0;
        for (Entry entry : entries) {
            declared += 8L * entry.k;
        }
        if (declared > bodyBytes) {
            throw new TensorFileException(Defect.TRUNCATED, source, "tensors declare " + declared
                    + " data bytes but only " + bodyBytes + " follow the header");
        }
        if (declared < bodyBytes) {
            throw new TensorFileException(Defect.TRAILING_BYTES, source, (bodyBytes - declared)
                    + " bytes follow the last tensor (tensors declare " + declared + " data bytes)");
        }
        var tensors = new ArrayList<SparseTensor>(entries.size());
        for (Entry entry : entries) {
            var indices = new int[entry.k];
            var values = new float[entry.k];
            in.readInts(indices, 0, entry.k);
            in.readFloats(values, 0, entry.k);
            checkIndices(entry, indices, source);
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new TensorFileException(Defect.NON_FINITE_VALUE, source, "tensor " + entry.parameter.name()
                            + " holds " + values[i] + " at index " + indices[i]);
                }
            }
            tensors.add(new SparseTensor(entry.parameter.name(), entry.parameter.shape(), indices, values));
        }
        return new SparseDelta(layout, tensors);
    }

    private record Entry(Parameter parameter, int k) {
    }

    private static List<Entry> entries(JsonValue tableValue, ParameterLayout layout, String source) {
        List<JsonValue> table;
        try {
            table = JsonFields.array(tableValue, "tensors").elements();
        } catch (JsonException e) {
            throw new TensorFileException(Defect.BAD_FIELD, source, "header " + e.getMessage());
        }
        var entries = new ArrayList<Entry>(table.size());
        var seen = new boolean[layout.size()];
        int previous = -1;
        for (int i = 0; i < table.size(); i++) {
            String path = "tensors[" + i + "]";
            String name;
            int[] shape;
            long k;
            try {
                JsonObject entry = JsonFields.object(table.get(i), path);
                JsonFields.onlyMembers(entry, ENTRY_MEMBERS, path);
                name = JsonFields.string(JsonFields.member(entry, "name", path), path + ".name");
                shape = JsonFields.shape(JsonFields.member(entry, "shape", path), path + ".shape");
                k = JsonFields.integer(JsonFields.member(entry, "k", path), path + ".k", Long.MIN_VALUE,
                        Long.MAX_VALUE);
            } catch (JsonException e) {
                throw new TensorFileException(Defect.BAD_FIELD, source, "header " + e.getMessage());
            }
            int index = layout.indexOf(name).orElseThrow(() -> new TensorFileException(Defect.UNKNOWN_TENSOR, source,
                    "tensor " + name + " is not a parameter of the expected model"));
            if (seen[index]) {
                throw new TensorFileException(Defect.DUPLICATE_TENSOR, source, "tensor " + name + " is listed twice");
            }
            seen[index] = true;
            Parameter parameter = layout.get(index);
            if (!parameter.hasShape(shape)) {
                throw new TensorFileException(Defect.SHAPE_MISMATCH, source, "tensor " + name + " has shape "
                        + Arrays.toString(shape) + ", the model expects " + Arrays.toString(parameter.shape()));
            }
            if (index < previous) {
                throw new TensorFileException(Defect.TENSOR_ORDER, source, "tensor " + name
                        + " comes after " + layout.get(previous).name() + " but precedes it in the model");
            }
            previous = index;
            if (k < 0 || k > parameter.elements()) {
                throw new TensorFileException(Defect.COUNT_MISMATCH, source, "tensor " + name + " declares k = " + k
                        + " entries but has " + parameter.elements() + " elements");
            }
            entries.add(new Entry(parameter, (int) k));
        }
        return entries;
    }

    private static void checkIndices(Entry entry, int[] indices, String source) {
        int elements = entry.parameter.elements();
        int previous = -1;
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= elements) {
                throw new TensorFileException(Defect.INDEX_OUT_OF_RANGE, source, "tensor " + entry.parameter.name()
                        + ": index " + index + " at position " + i + " is outside [0, " + elements + ")");
            }
            if (index == previous) {
                throw new TensorFileException(Defect.DUPLICATE_INDEX, source, "tensor " + entry.parameter.name()
                        + ": index " + index + " appears twice (positions " + (i - 1) + " and " + i + ")");
            }
            if (index < previous) {
                throw new TensorFileException(Defect.UNSORTED_INDICES, source, "tensor " + entry.parameter.name()
                        + ": index " + index + " at position " + i + " follows " + previous
                        + "; indices must ascend");
            }
            previous = index;
        }
    }
}
