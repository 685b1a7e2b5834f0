package io.mvtrx.runtime.simulator.checkpoint;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import io.mvtrx.runtime.simulator.log.EventLogWriter;

/**
 * The checkpoints of one run, one directory each under {@code <run>/checkpoints/}:
 *
 * <pre>
 * step-000000060/
 *   checkpoint.properties   manifest: format, step, time, the run's shape, the event log's position, and the size
 *                           and CRC-32 of every other file (written last)
 *   config.xml              the configuration document the run was built from
 *   simulation.state        the simulation's own state
 *   block-0000.state …      each block's state (exchange, plugins as named sections, queue)
 * </pre>
 *
 * <b>Atomicity.</b> A checkpoint is written into {@code .step-N.tmp/}, every file and then the directory fsynced,
 * and renamed to {@code step-N/} in one atomic move, after which the parent directory is fsynced. A directory named
 * {@code step-N} is therefore always complete; a crash leaves at most a {@code .tmp} directory, which the next
 * write removes. The caller makes the event log durable first ({@link Checkpointer} does), so a complete
 * checkpoint's {@code eventLog.bytes} always exist on disk.
 *
 * <b>Retention.</b> After each write only the newest {@code keepLast} checkpoints (by step) are kept.
 *
 * <p>Not thread-safe: one writer at a time.
 */
public final class CheckpointStore {

    /** The manifest's file name; a directory holding one is a checkpoint. */
    public static final String MANIFEST = "checkpoint.properties";

    /** The folder under a run directory that holds its checkpoints. */
    public static final String FOLDER = "checkpoints";

    private static final String CONFIG = "config.xml";
    private static final String SIMULATION = "simulation.state";
    private static final Pattern STEP_DIRECTORY = Pattern.compile("step-(\\d+)");

    private final Path directory;
    private final int keepLast;

    /**
     * @param directory the checkpoints folder (created when the first checkpoint is written)
     * @param keepLast  newest checkpoints kept, >= 1
     */
    public CheckpointStore(Path directory, int keepLast) {
        if (keepLast < 1) {
            throw new IllegalArgumentException("keepLast must be >= 1, got " + keepLast);
        }
        this.directory = directory;
        this.keepLast = keepLast;
    }

    /** The checkpoints folder. */
    public Path directory() {
        return directory;
    }

    /**
     * Writes a checkpoint atomically (see the class doc) and deletes all but the newest {@code keepLast}.
     *
     * @throws UncheckedIOException naming the file that could not be written
     */
    public Checkpoint write(SimulationState state, RunDescription run) {
        String name = String.format(Locale.ROOT, "step-%09d", state.step());
        Path target = directory.resolve(name);
        Path temporary = directory.resolve("." + name + ".tmp");
        try {
            Files.createDirectories(directory);
            deleteTree(temporary);
            Files.createDirectory(temporary);
            Map<String, String> manifest = new TreeMap<>();
            manifest.put("format", Integer.toString(SimulationState.FORMAT));
            manifest.put("step", Long.toString(state.step()));
            manifest.put("time", Long.toString(state.time()));
            manifest.put("simulationId", run.simulationId());
            manifest.put("configName", run.configName());
            manifest.put("duration", Long.toString(run.duration()));
            manifest.put("seed", Long.toString(run.seed()));
            manifest.put("blocks", Integer.toString(run.blockCount()));
            manifest.put("booksPerBlock", Integer.toString(run.booksPerBlock()));
            manifest.put("eventLog", Boolean.toString(run.eventLog()));
            manifest.put("eventLog.bytes", Long.toString(state.eventLog().bytes()));
            manifest.put("eventLog.hashState", Long.toString(state.eventLog().hashState()));
            manifest.put("eventLog.events", Long.toString(state.eventLog().events()));
            manifest.put("eventLog.lastTime", Long.toString(state.eventLog().lastTime()));
            writeFile(temporary, CONFIG, run.configXml(), manifest);
            writeFile(temporary, SIMULATION, state.simulation(), manifest);
            for (int b = 0; b < state.blocks().size(); b++) {
                writeFile(temporary, blockFile(b), state.blocks().get(b), manifest);
            }
            StringBuilder text = new StringBuilder("# MVTRX simulator checkpoint (doc/simulator.md)\n");
            manifest.forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
            writeFile(temporary, MANIFEST, text.toString().getBytes(StandardCharsets.UTF_8), null);
            syncDirectory(temporary);
            if (Files.exists(target)) {
                // the same step again (a run resumed from an older checkpoint): replace it
                Path stale = directory.resolve("." + name + ".old");
                deleteTree(stale);
                Files.move(target, stale, StandardCopyOption.ATOMIC_MOVE);
                moveAtomically(temporary, target);
                deleteTree(stale);
            } else {
                moveAtomically(temporary, target);
            }
            syncDirectory(directory);
            prune();
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot write checkpoint %s: %s", target, e.getMessage()),
                    e);
        }
        return describe(target);
    }

    /** The complete checkpoints, oldest first. */
    public List<Checkpoint> list() {
        List<Checkpoint> found = new ArrayList<>();
        for (Path path : stepDirectories()) {
            found.add(describe(path));
        }
        return found;
    }

    /** The newest complete checkpoint, if any. */
    public Optional<Checkpoint> latest() {
        List<Path> all = stepDirectories();
        return all.isEmpty() ? Optional.empty() : Optional.of(describe(all.getLast()));
    }

    /**
     * Finds a checkpoint from what a user names: a checkpoint directory (it holds {@value #MANIFEST}), or a run
     * directory, whose newest checkpoint is taken.
     *
     * @throws UncheckedIOException saying what was looked for, if there is none
     */
    public static Checkpoint locate(Path path) {
        if (Files.isRegularFile(path.resolve(MANIFEST))) {
            return describe(path);
        }
        Path folder = path.resolve(FOLDER);
        if (Files.isDirectory(folder)) {
            Optional<Checkpoint> newest = new CheckpointStore(folder, 1).latest();
            if (newest.isPresent()) {
                return newest.get();
            }
            throw missing(String.format("%s holds no complete checkpoint (step-N/%s)", folder, MANIFEST));
        }
        throw missing(String.format("%s is neither a checkpoint (no %s) nor a run directory with %s/", path,
                MANIFEST, FOLDER));
    }

    /**
     * Reads a checkpoint's state, checking every file's size and CRC-32 against the manifest.
     *
     * @throws UncheckedIOException naming the file that is missing, truncated or corrupt
     */
    public static SimulationState read(Checkpoint checkpoint) {
        Path dir = checkpoint.directory();
        Properties manifest = manifest(dir);
        byte[] simulation = readFile(dir, SIMULATION, manifest);
        List<byte[]> blocks = new ArrayList<>();
        for (int b = 0; b < checkpoint.run().blockCount(); b++) {
            blocks.add(readFile(dir, blockFile(b), manifest));
        }
        return new SimulationState(checkpoint.step(), checkpoint.time(), checkpoint.eventLog(), simulation, blocks);
    }

    private static Checkpoint describe(Path dir) {
        Properties m = manifest(dir);
        int format = (int) number(dir, m, "format");
        if (format != SimulationState.FORMAT) {
            throw missing(String.format("%s: checkpoint format %d, this simulator reads %d", dir.resolve(MANIFEST),
                    format, SimulationState.FORMAT));
        }
        RunDescription run = new RunDescription(text(dir, m, "simulationId"), text(dir, m, "configName"),
                readFile(dir, CONFIG, m), number(dir, m, "duration"), number(dir, m, "seed"),
                (int) number(dir, m, "blocks"), (int) number(dir, m, "booksPerBlock"),
                Boolean.parseBoolean(text(dir, m, "eventLog")));
        EventLogWriter.Position position = new EventLogWriter.Position(number(dir, m, "eventLog.bytes"),
                number(dir, m, "eventLog.hashState"), number(dir, m, "eventLog.events"),
                number(dir, m, "eventLog.lastTime"));
        return new Checkpoint(dir, number(dir, m, "step"), number(dir, m, "time"), run, position);
    }

    private List<Path> stepDirectories() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (STEP_DIRECTORY.matcher(entry.getFileName().toString()).matches()
                        && Files.isRegularFile(entry.resolve(MANIFEST))) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot list %s: %s", directory, e.getMessage()), e);
        }
        found.sort(Comparator.comparingLong(CheckpointStore::stepOf));
        return found;
    }

    private static long stepOf(Path dir) {
        Matcher m = STEP_DIRECTORY.matcher(dir.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private void prune() throws IOException {
        List<Path> all = stepDirectories();
        for (int i = 0; i < all.size() - keepLast; i++) {
            deleteTree(all.get(i));
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, ".step-*.tmp")) {
            for (Path stale : entries) {
                deleteTree(stale);
            }
        }
    }

    private static String blockFile(int block) {
        return String.format(Locale.ROOT, "block-%04d.state", block);
    }

    private static void writeFile(Path dir, String name, byte[] bytes, Map<String, String> manifest)
            throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (manifest != null) {
            manifest.put("file." + name, bytes.length + " " + crc(bytes));
        }
    }

    private static byte[] readFile(Path dir, String name, Properties manifest) {
        Path file = dir.resolve(name);
        String entry = text(dir, manifest, "file." + name);
        String[] sizeAndCrc = entry.split(" ");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw missing(String.format("%s is missing", file));
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot read %s: %s", file, e.getMessage()), e);
        }
        if (sizeAndCrc.length != 2 || !sizeAndCrc[0].equals(Integer.toString(bytes.length))
                || !sizeAndCrc[1].equals(crc(bytes))) {
            throw missing(String.format("%s is corrupt: %d bytes with CRC-32 %s, the manifest says %s", file,
                    bytes.length, crc(bytes), entry));
        }
        return bytes;
    }

    private static String crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return String.format("%08x", crc.getValue());
    }

    private static Properties manifest(Path dir) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw missing(String.format("%s is not a checkpoint: it has no %s", dir, MANIFEST));
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot read %s: %s", dir.resolve(MANIFEST),
                    e.getMessage()), e);
        }
        return properties;
    }

    private static String text(Path dir, Properties manifest, String key) {
        String value = manifest.getProperty(key);
        if (value == null) {
            throw missing(String.format("%s has no '%s'", dir.resolve(MANIFEST), key));
        }
        return value;
    }

    private static long number(Path dir, Properties manifest, String key) {
        String value = text(dir, manifest, key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw missing(String.format("%s: '%s' is not a number: %s", dir.resolve(MANIFEST), key, value));
        }
    }

    /** A value as {@link Properties#load} reads it back (backslashes, line breaks and leading blanks escaped). */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static UncheckedIOException missing(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(String.format("the file system of %s cannot rename atomically", from), e);
        }
    }

    /** Makes a directory's entries durable; file systems that cannot open directories skip this. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every platform can fsync a directory (Windows); the rename is still atomic there
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
    }
}
