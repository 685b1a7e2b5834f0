package io.mvtrx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * Round trips of saved state as a checkpoint does them: each component written as a section (version, length,
 * bytes) and read back into a fresh instance, which must consume its section exactly.
 */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * Saves {@code original} and restores it into {@code fresh}.
     *
     * @return {@code fresh}, now holding the saved state
     * @throws AssertionError if either is not {@link Snapshottable}
     */
    public static <T> T copy(Object original, T fresh) {
        save(original);
        StateWriter out = StateWriter.inMemory();
        out.writeSection((Snapshottable) original);
        restore(out.toByteArray(), fresh);
        return fresh;
    }

    /** The sections of {@code parts}, in order, as one byte array. */
    public static byte[] save(Object... parts) {
        StateWriter out = StateWriter.inMemory();
        for (Object part : parts) {
            assertThat(part).as("%s saves its state for checkpoints", part.getClass().getName())
                    .isInstanceOf(Snapshottable.class);
            out.writeSection((Snapshottable) part);
        }
        return out.toByteArray();
    }

    /** Reads what {@link #save} wrote into {@code parts} (fresh instances, same order); every byte must be read. */
    public static void restore(byte[] state, Object... parts) {
        StateReader in = StateReader.of(state, 1);
        for (Object part : parts) {
            assertThat(part).as("%s restores its state from checkpoints", part.getClass().getName())
                    .isInstanceOf(Snapshottable.class);
            in.readSection((Snapshottable) part, part.getClass().getSimpleName());
        }
        assertThat(in.remaining()).as("bytes left after the last section").isZero();
    }
}
