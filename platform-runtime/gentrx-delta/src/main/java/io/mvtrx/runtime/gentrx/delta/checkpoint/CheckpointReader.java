package io.mvtrx.runtime.gentrx.delta.checkpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.ParameterLayout.Parameter;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.frame.Defect;
import io.mvtrx.runtime.gentrx.delta.frame.HeaderFrame;
import io.mvtrx.runtime.gentrx.delta.frame.LittleEndianInput;
import io.mvtrx.runtime.gentrx.delta.frame.TensorFileException;
import io.mvtrx.runtime.gentrx.delta.json.JsonException;
import io.mvtrx.runtime.gentrx.delta.json.JsonFields;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonObject;

/**
 * Reads checkpoint format v1 from an untrusted source. Nothing is executed and nothing is allocated before the
 * header has been checked against the file's size: the header length against the limit and the file, the JSON
 * strictly, every member's type, the tensor table (dtype F32, shapes, offsets contiguous from 0 and matching the
 * shapes, the last one ending exactly at the end of the file), the expected layout when one is given (names, order,
 * shapes, none missing), and finally every value for NaN and infinity. Each failure is a
 * {@link TensorFileException} with its own {@link Defect}.
 */
public final class CheckpointReader {

    private CheckpointReader() {
    }

    /** Reads a file, checking it against {@code expected} when present. */
    public static Checkpoint read(Path file, Optional<ParameterLayout> expected) throws IOException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, size, expected, file.toString());
        }
    }

    /**
     * Reads {@code fileBytes} bytes from a stream (not closed) and checks the stream ends there.
     *
     * @param source the key or path, for messages
     */
    public static Checkpoint read(InputStream stream, long fileBytes, Optional<ParameterLayout> expected,
                                  String source) throws IOException {
        var in = new LittleEndianInput(stream, source);
        JsonObject header = HeaderFrame.read(in, fileBytes, CheckpointFormat.NAME, CheckpointFormat.VERSION, source);
        long dataBytes = fileBytes - in.position();
        Parsed parsed;
        try {
            parsed = parse(header, source);
        } catch (JsonException e) {
            throw new TensorFileException(Defect.BAD_FIELD, source, "header " + e.getMessage());
        }
        checkOffsets(parsed.entries, dataBytes, source);
        expected.ifPresent(layout -> checkLayout(parsed.entries, layout, source));

        var tensors = new ArrayList<Tensor>(parsed.entries.size());
        for (Entry entry : parsed.entries) {
            var values = new float[(int) Tensor.elementCount(entry.shape)];
            in.readFloats(values, 0, values.length);
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new TensorFileException(Defect.NON_FINITE_VALUE, source, "tensor " + entry.name
                            + " holds " + values[i] + " at element " + i);
                }
            }
            tensors.add(new Tensor(entry.name, entry.shape, values));
        }
        if (!in.atEnd()) {
            throw new TensorFileException(Defect.TRAILING_BYTES, source,
                    "bytes follow the last tensor, beyond the declared size of " + fileBytes);
        }
        return new Checkpoint(parsed.modelVersion, parsed.regime, parsed.modelConfig, parsed.tokenizerConfig,
                parsed.metadata, new TensorSet(tensors));
    }

    private record Entry(String name, int[] shape, long begin, long end) {
    }

    private record Parsed(long modelVersion, int regime, Map<String, String> modelConfig,
                          Map<String, String> tokenizerConfig, Map<String, String> metadata, List<Entry> entries) {
    }

    private static Parsed parse(JsonObject header, String source) {
        JsonFields.onlyMembers(header, CheckpointFormat.HEADER_MEMBERS, "header");
        long modelVersion = JsonFields.integer(JsonFields.member(header, "model_version", "header"),
                "model_version", 0, Long.MAX_VALUE);
        int regime = (int) JsonFields.integer(JsonFields.member(header, "train_regime_version", "header"),
                "train_regime_version", 0, Integer.MAX_VALUE);
        var modelConfig = JsonFields.stringMap(JsonFields.member(header, "model_config", "header"), "model_config");
        var tokenizerConfig = JsonFields.stringMap(JsonFields.member(header, "tokenizer_config", "header"),
                "tokenizer_config");
        var metadata = JsonFields.optionalMember(header, "metadata")
                .map(value -> JsonFields.stringMap(value, "metadata")).orElse(Map.of());
        List<JsonValue> table = JsonFields.array(JsonFields.member(header, "tensors", "header"), "tensors")
                .elements();
        var entries = new ArrayList<Entry>(table.size());
        var names = new HashSet<String>();
        for (int i = 0; i < table.size(); i++) {
            String path = "tensors[" + i + "]";
            JsonObject tensor = JsonFields.object(table.get(i), path);
            JsonFields.onlyMembers(tensor, CheckpointFormat.TENSOR_MEMBERS, path);
            String name = JsonFields.string(JsonFields.member(tensor, "name", path), path + ".name");
            if (!names.add(name)) {
                throw new TensorFileException(Defect.DUPLICATE_TENSOR, source, "tensor " + name + " is listed twice");
            }
            String dtype = JsonFields.string(JsonFields.member(tensor, "dtype", path), path + ".dtype");
            if (!dtype.equals(CheckpointFormat.DTYPE_F32)) {
                throw new TensorFileException(Defect.BAD_DTYPE, source, "tensor " + name + " has dtype " + dtype
                        + "; format version 1 holds only " + CheckpointFormat.DTYPE_F32);
            }
            int[] shape;
            try {
                shape = JsonFields.shape(JsonFields.member(tensor, "shape", path), path + ".shape");
                Tensor.elementCount(shape);
            } catch (IllegalArgumentException e) {
                throw new TensorFileException(Defect.BAD_FIELD, source, "tensor " + name + ": " + e.getMessage());
            }
            List<JsonValue> offsets = JsonFields.array(JsonFields.member(tensor, "data_offsets", path),
                    path + ".data_offsets").elements();
            if (offsets.size() != 2) {
                throw new TensorFileException(Defect.BAD_OFFSETS, source,
                        "tensor " + name + ": data_offsets must hold [begin, end], got " + offsets.size() + " numbers");
            }
            long begin = JsonFields.integer(offsets.get(0), path + ".data_offsets[0]", 0, Long.MAX_VALUE);
            long end = JsonFields.integer(offsets.get(1), path + ".data_offsets[1]", 0, Long.MAX_VALUE);
            entries.add(new Entry(name, shape, begin, end));
        }
        return new Parsed(modelVersion, regime, modelConfig, tokenizerConfig, metadata, entries);
    }

    private static void checkOffsets(List<Entry> entries, long dataBytes, String source) {
        long expectedBegin = 0;
        for (Entry entry : entries) {
            long bytes = 4 * Tensor.elementCount(entry.shape);
            if (entry.begin != expectedBegin || entry.end - entry.begin != bytes) {
                throw new TensorFileException(Defect.BAD_OFFSETS, source, "tensor " + entry.name + " has data_offsets ["
                        + entry.begin + ", " + entry.end + "], expected [" + expectedBegin + ", "
                        + (expectedBegin + bytes) + "] (contiguous, 4 bytes per element of " + Arrays.toString(entry.shape)
                        + ")");
            }
            expectedBegin = entry.end;
        }
        if (expectedBegin > dataBytes) {
            throw new TensorFileException(Defect.TRUNCATED, source, "tensors declare " + expectedBegin
                    + " data bytes but only " + dataBytes + " follow the header");
        }
        if (expectedBegin < dataBytes) {
            throw new TensorFileException(Defect.TRAILING_BYTES, source, (dataBytes - expectedBegin)
                    + " bytes follow the last tensor (tensors declare " + expectedBegin + " data bytes)");
        }
    }

    private static void checkLayout(List<Entry> entries, ParameterLayout layout, String source) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            var index = layout.indexOf(entry.name);
            if (index.isEmpty()) {
                throw new TensorFileException(Defect.UNKNOWN_TENSOR, source,
                        "tensor " + entry.name + " is not a parameter of the expected model");
            }
            Parameter parameter = layout.get(index.getAsInt());
            if (!parameter.hasShape(entry.shape)) {
                throw new TensorFileException(Defect.SHAPE_MISMATCH, source, "tensor " + entry.name + " has shape "
                        + Arrays.toString(entry.shape) + ", the model expects " + Arrays.toString(parameter.shape()));
            }
            if (index.getAsInt() != i) {
                throw new TensorFileException(Defect.TENSOR_ORDER, source, "tensor " + entry.name + " is at position "
                        + i + ", the model has it at position " + index.getAsInt());
            }
        }
        if (entries.size() < layout.size()) {
            throw new TensorFileException(Defect.MISSING_TENSOR, source, "tensor " + layout.get(entries.size()).name()
                    + " is missing (" + entries.size() + " of " + layout.size() + " parameters present)");
        }
    }
}
