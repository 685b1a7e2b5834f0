package io.mvtrx.api.collect;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An immutable list whose elements are built on first use. A miner receives every book's detailed levels each
 * publish — with hundreds of active makers, a hundred thousand resting orders or more — and most agents read only
 * the levels' prices and volumes; the wire reader checks the orders when the request arrives (a malformed request is
 * still refused before any agent code runs) and hands each level's orders over as a {@code DeferredList}, which
 * builds the records only when an agent first looks. The api records that hold lists keep a {@code DeferredList} as
 * it is instead of copying it.
 *
 * <p>Thread-safe: the first read from any thread builds the elements once.
 *
 * @param <E> element type
 */
public final class DeferredList<E> extends AbstractList<E> implements RandomAccess {

    private final int size;
    private Supplier<? extends List<? extends E>> builder;
    private volatile List<E> elements;

    private DeferredList(int size, Supplier<? extends List<? extends E>> builder) {
        this.size = size;
        this.builder = builder;
    }

    /**
     * {@code size} elements that {@code builder} gives when first asked (called at most once); it must give exactly
     * {@code size} non-null elements, else the read that built them fails with {@link IllegalStateException}.
     */
    public static <E> DeferredList<E> of(int size, Supplier<? extends List<? extends E>> builder) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        return new DeferredList<>(size, Objects.requireNonNull(builder, "builder"));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public E get(int index) {
        Objects.checkIndex(index, size);
        return elements().get(index);
    }

    /** Whether the elements were built already (for tests and diagnostics). */
    public boolean built() {
        return elements != null;
    }

    private List<E> elements() {
        List<E> built = elements;
        if (built == null) {
            synchronized (this) {
                built = elements;
                if (built == null) {
                    built = List.copyOf(builder.get());
                    if (built.size() != size) {
                        throw new IllegalStateException("the builder gave " + built.size() + " elements, " + size
                                + " were announced");
                    }
                    elements = built;
                    builder = null; // what it held (the request's bytes) can go
                }
            }
        }
        return built;
    }
}
