package io.mvtrx.runtime.gentrx.delta.version;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;

/**
 * The model fingerprint of the reference's drift check (gentrx.md §6.6): SHA-256 over the tensors in name order
 * (Java's {@code String} order, which is Python's for ASCII names), each as its name's UTF-8 bytes followed by its
 * raw little-endian float32 bytes. Lowercase hex. Cost: one pass over the model; stateless.
 */
public final class StateHash {

    private StateHash() {
    }

    public static String of(TensorSet model) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        List<Tensor> sorted = model.tensors().stream().sorted(Comparator.comparing(Tensor::name)).toList();
        var buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor tensor : sorted) {
            digest.update(tensor.name().getBytes(StandardCharsets.UTF_8));
            float[] values = tensor.values();
            int done = 0;
            while (done < values.length) {
                int n = Math.min(values.length - done, buffer.capacity() / 4);
                buffer.clear();
                buffer.asFloatBuffer().put(values, done, n);
                digest.update(buffer.array(), 0, n * 4);
                done += n;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void requireHex(String hash) {
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("state hash must be 64 lowercase hex digits, got \"" + hash + "\"");
        }
    }
}
