package io.mvtrx.plugin.storage.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageKeys;

/**
 * Objects as files under a root directory: key {@code a/b/c} is the file {@code <root>/a/b/c}. A put writes a
 * temporary file beside the target (named with the reserved {@value #TEMP_PREFIX} prefix, which no key may use),
 * forces it to disk, renames it over the target atomically and forces the directory, so a reader opens either the
 * whole old object or the whole new one and a crash leaves at most a stray temporary file, never a partial object.
 * An open stream keeps reading the object it opened even if a put replaces it meanwhile.
 *
 * <p>Thread-safe: holds no mutable state but a closed flag; concurrent puts of one key end with one of them whole.
 * Cost: a put is one write plus two fsyncs; a list walks only the directories that can hold matching keys.
 * Caveats: a key cannot be both an object and a prefix of other objects ({@code a} and {@code a/b}), which S3
 * allows; such a put fails naming both. Deleting an object removes the directories it leaves empty.
 */
public final class FsStorage implements StorageBackend {

    /** Name prefix of in-flight temporary files. */
    static final String TEMP_PREFIX = StorageKeys.RESERVED_PREFIX + "put-";

    private static final int DIRECTORY_RACE_ATTEMPTS = 5;

    private final Path root;
    private volatile boolean closed;

    private FsStorage(Path root) {
        this.root = root;
    }

    /**
     * Opens (creating if needed) a storage directory.
     *
     * @throws IOException naming the root if it cannot be created or is not a directory
     */
    public static FsStorage open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(String.format("fs:%s: storage root exists and is not a directory", absolute), e);
        } catch (IOException e) {
            throw new IOException(String.format("fs:%s: cannot create storage root: %s", absolute, e), e);
        }
        return new FsStorage(absolute);
    }

    /** The root directory, absolute. */
    public Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        Path target = target(key);
        write(key, target, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    @Override
    public void put(String key, Path source) throws IOException {
        Path target = target(key);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            write(key, target, channel -> {
                long size = in.size();
                long position = 0;
                while (position < size) {
                    long moved = channel.transferFrom(in, position, size - position);
                    if (moved <= 0) {
                        throw new IOException(String.format("source %s shrank to %d bytes while copying", source,
                                position));
                    }
                    position += moved;
                }
            });
        } catch (NoSuchFileException e) {
            throw new IOException(String.format("%s: put failed: source file %s does not exist", location(key),
                    source), e);
        }
    }

    @Override
    public Optional<InputStream> get(String key) throws IOException {
        Path target = target(key);
        if (Files.isDirectory(target)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(target));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            if (!Files.isRegularFile(target)) {
                // a parent is a file ("Not a directory"): no object with that key
                return Optional.empty();
            }
            throw failure("get", key, e);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        StorageKeys.checkPrefix(prefix);
        ensureOpen();
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String dirKey = keyOf(dir) + "/";
                    return dirKey.startsWith(prefix) || prefix.startsWith(dirKey)
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && !file.getFileName().toString().startsWith(TEMP_PREFIX)) {
                        String key = keyOf(file);
                        if (key.startsWith(prefix)) {
                            keys.add(key);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        // deleted while we walked: not part of the listing
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IOException(String.format("fs:%s/%s: list failed: %s", root, prefix, e), e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(String key) throws IOException {
        Path target = target(key);
        try {
            if (Files.isDirectory(target)) {
                return;
            }
            Files.deleteIfExists(target);
        } catch (FileSystemException e) {
            if (Files.exists(target)) {
                throw failure("delete", key, e);
            }
            return;
        }
        pruneEmptyParents(target.getParent());
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "fs:" + root;
    }

    private interface Filler {
        void fill(FileChannel channel) throws IOException;
    }

    private void write(String key, Path target, Filler filler) throws IOException {
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new IOException(String.format("%s: put failed: the key is a prefix of other objects (%s/...)",
                    location(key), key));
        }
        Path temp = createTemp(key, dir);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                filler.fill(channel);
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (IOException e) {
            throw failure("put", key, e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
        forceDirectory(dir);
    }

    /** Creates the temporary file, re-creating the directory if a concurrent delete pruned it meanwhile. */
    private Path createTemp(String key, Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                Optional<Path> file = fileAmongAncestors(dir);
                if (file.isPresent()) {
                    throw new IOException(String.format("%s: put failed: '%s' is an object, not a prefix",
                            location(key), keyOf(file.get())), e);
                }
                throw failure("put", key, e);
            }
            Path temp = dir.resolve(TEMP_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createFile(temp);
            } catch (NoSuchFileException e) {
                if (attempt == DIRECTORY_RACE_ATTEMPTS) {
                    throw failure("put", key, e);
                }
            } catch (IOException e) {
                throw failure("put", key, e);
            }
        }
    }

    private Optional<Path> fileAmongAncestors(Path dir) {
        for (Path candidate = dir; candidate != null && !candidate.equals(root); candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private void pruneEmptyParents(Path dir) throws IOException {
        Path current = dir;
        while (current != null && !current.equals(root) && current.startsWith(root)) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (NoSuchFileException e) {
                // pruned by a concurrent delete: go on upwards
            } catch (AccessDeniedException e) {
                return;
            }
            current = current.getParent();
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot open or sync a directory; the file itself is already on disk
        }
    }

    private Path target(String key) throws IOException {
        StorageKeys.checkKey(key);
        ensureOpen();
        Path target = root.resolve(key).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException(String.format("invalid storage key '%s': resolves outside %s",
                    key, root));
        }
        return target;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException(String.format("fs:%s: storage is closed", root));
        }
    }

    private String keyOf(Path path) {
        Path relative = root.relativize(path);
        StringBuilder key = new StringBuilder();
        for (Path name : relative) {
            if (!key.isEmpty()) {
                key.append('/');
            }
            key.append(name);
        }
        return key.toString();
    }

    private String location(String key) {
        return "fs:" + root + "/" + key;
    }

    private IOException failure(String operation, String key, IOException cause) {
        return new IOException(String.format("%s: %s failed: %s", location(key), operation, cause), cause);
    }
}
