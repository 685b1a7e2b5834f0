package io.mvtrx.runtime.validator.node;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The validator's state file: {@code MVTRXVS1}, a format version, the body, and a CRC-32 of everything before it.
 * A write goes to {@code NAME.tmp} in the same folder, is fsynced, and is renamed over {@code NAME} atomically, so a
 * kill at any moment leaves either the previous complete file or the new one; a stray {@code .tmp} is ignored by
 * readers and overwritten by the next write.
 *
 * <p>Stateless; callers serialize writes.
 */
final class Checkpoints {

    /** Name of the state file in a state folder; {@code --resume latest} reads it. */
    static final String STATE_FILE = "validator-state.bin";

    private static final byte[] MAGIC = "MVTRXVS1".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    /** A count beyond this in a state file is corruption, not data. */
    private static final int MAX_COUNT = 100_000_000;

    private Checkpoints() {
    }

    /** Writes a body. */
    @FunctionalInterface
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a body. */
    @FunctionalInterface
    interface Parser<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** Writes {@code body} to {@code file} atomically (temp file, fsync, rename). */
    static void write(Path file, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            body.write(out);
        }
        CRC32 crc = new CRC32();
        byte[] content = bytes.toByteArray();
        crc.update(content);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.allocate(content.length + Long.BYTES);
            buffer.put(content).putLong(crc.getValue()).flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(String.format("cannot replace %s atomically (file system without atomic rename)",
                    file), e);
        }
        syncDirectory(parent);
    }

    /**
     * Reads and checks a state file.
     *
     * @throws NoSuchFileException if there is none
     * @throws IOException naming the file, if it is not a state file, has another version, fails its checksum, or
     *                     does not parse to its end
     */
    static <T> T read(Path file, Parser<T> parser) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int header = MAGIC.length + Integer.BYTES;
        if (all.length < header + Long.BYTES || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(String.format("%s is not a validator state file", file));
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - Long.BYTES);
        long stored = ByteBuffer.wrap(all, all.length - Long.BYTES, Long.BYTES).getLong();
        if (stored != crc.getValue()) {
            throw new IOException(String.format("%s is corrupt: checksum %08x, file says %08x", file,
                    crc.getValue(), stored));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length,
                all.length - MAGIC.length - Long.BYTES))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(String.format("%s has state format %d, this validator reads %d", file,
                        version, VERSION));
            }
            T value = parser.read(in);
            if (in.available() != 0) {
                throw new IOException(String.format("%s has %d unread bytes after its state", file,
                        in.available()));
            }
            return value;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IOException(String.format("%s is corrupt: %s", file, e), e);
        }
    }

    /** A count read from a state file, checked for sanity. */
    static int count(int value, String what) throws IOException {
        if (value < 0 || value > MAX_COUNT) {
            throw new IOException(String.format("%s count %d is out of range", what, value));
        }
        return value;
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename itself durable where the platform allows opening a directory (Linux); elsewhere the
        // rename is still atomic, only its durability waits for the file system.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here
        }
    }
}
