package io.mvtrx.runtime.gentrx.delta.checkpoint;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.frame.HeaderFrame;
import io.mvtrx.runtime.gentrx.delta.frame.LittleEndianOutput;
import io.mvtrx.runtime.gentrx.delta.json.JsonFields;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonArray;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonNumber;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonObject;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonString;

/**
 * Writes checkpoint format v1. The body is streamed tensor by tensor through a 64 KiB buffer: the only full copy of
 * the model in memory is the caller's. Refuses non-finite values, which no reader would accept.
 */
public final class CheckpointWriter {

    private CheckpointWriter() {
    }

    /** The header that precedes the tensors' bytes; exposed so a test can corrupt one member at a time. */
    public static JsonObject header(Checkpoint checkpoint) {
        var tensors = new ArrayList<JsonValue>();
        long offset = 0;
        for (Tensor tensor : checkpoint.tensors().tensors()) {
            long end = offset + 4L * tensor.size();
            var entry = new LinkedHashMap<String, JsonValue>();
            entry.put("name", new JsonString(tensor.name()));
            entry.put("dtype", new JsonString(CheckpointFormat.DTYPE_F32));
            entry.put("shape", JsonFields.fromShape(tensor.shape()));
            entry.put("data_offsets", new JsonArray(List.of(JsonNumber.of(offset), JsonNumber.of(end))));
            tensors.add(new JsonObject(entry));
            offset = end;
        }
        var header = new LinkedHashMap<String, JsonValue>();
        header.put("format", new JsonString(CheckpointFormat.NAME));
        header.put("format_version", JsonNumber.of(CheckpointFormat.VERSION));
        header.put("model_version", JsonNumber.of(checkpoint.modelVersion()));
        header.put("train_regime_version", JsonNumber.of(checkpoint.trainRegimeVersion()));
        header.put("model_config", JsonFields.fromStringMap(checkpoint.modelConfig()));
        header.put("tokenizer_config", JsonFields.fromStringMap(checkpoint.tokenizerConfig()));
        header.put("metadata", JsonFields.fromStringMap(checkpoint.metadata()));
        header.put("tensors", new JsonArray(tensors));
        return new JsonObject(header);
    }

    /** Writes the whole file to a stream (not closed). */
    public static void write(Checkpoint checkpoint, OutputStream out) throws IOException {
        for (Tensor tensor : checkpoint.tensors().tensors()) {
            requireFinite(tensor);
        }
        HeaderFrame.write(out, header(checkpoint));
        var body = new LittleEndianOutput(out);
        for (Tensor tensor : checkpoint.tensors().tensors()) {
            body.writeFloats(tensor.values(), 0, tensor.size());
        }
        out.flush();
    }

    /**
     * Writes to a sibling temporary file and moves it into place atomically, so a reader never sees half a
     * checkpoint under the final name.
     */
    public static void write(Checkpoint checkpoint, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                write(checkpoint, out);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void requireFinite(Tensor tensor) {
        float[] values = tensor.values();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("tensor " + tensor.name() + " holds the non-finite value "
                        + values[i] + " at element " + i + "; a checkpoint must be finite");
            }
        }
    }
}
