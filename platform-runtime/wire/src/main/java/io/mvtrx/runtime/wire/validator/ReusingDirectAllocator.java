package io.mvtrx.runtime.wire.validator;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import io.grpc.netty.shaded.io.netty.buffer.AbstractByteBufAllocator;
import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.UnpooledDirectByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.UnpooledHeapByteBuf;

/**
 * The fan-out channels' buffer allocator: direct buffers of 4 KiB to 1 MiB (the sizes grpc-java copies a request
 * into) come from blocks kept between steps instead of fresh memory. Netty's pooled allocator frees a chunk once
 * it is empty again, so every step's requests (hundreds of MB with 256 miners) landed in newly allocated, zeroed and
 * page-faulted memory; in a profile that was 45 % of the time the validator took to start a step's calls
 * (doc/benchmarks.md, fan-out).
 *
 * <p>Blocks are powers of two; a buffer is a view of the block's first {@code capacity} bytes and returns the block
 * when released. At most {@code retainLimit} bytes are kept (what a release would keep beyond that is left to the
 * garbage collector); buffers of other sizes, and what a buffer grows into, are Netty's plain direct buffers.
 *
 * <p>Thread-safe.
 */
final class ReusingDirectAllocator extends AbstractByteBufAllocator {

    static final int MIN_BLOCK = 4 << 10;
    static final int MAX_BLOCK = 1 << 20;

    /** One allocator for every fan-out channel of the process: blocks freed by one miner's call serve the next. */
    static final ReusingDirectAllocator SHARED = new ReusingDirectAllocator(1L << 30);

    private final long retainLimit;
    private final AtomicLong retained = new AtomicLong();
    @SuppressWarnings("unchecked")
    private final ConcurrentLinkedDeque<ByteBuffer>[] free = new ConcurrentLinkedDeque[
            Integer.numberOfTrailingZeros(MAX_BLOCK) - Integer.numberOfTrailingZeros(MIN_BLOCK) + 1];
    private final AtomicLong created = new AtomicLong();

    ReusingDirectAllocator(long retainLimit) {
        super(true);
        this.retainLimit = retainLimit;
        for (int i = 0; i < free.length; i++) {
            free[i] = new ConcurrentLinkedDeque<>();
        }
    }

    @Override
    public boolean isDirectBufferPooled() {
        return true;
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        if (initialCapacity < 1 || initialCapacity > MAX_BLOCK) {
            return new UnpooledDirectByteBuf(this, Math.max(initialCapacity, 0), maxCapacity);
        }
        int size = Math.max(MIN_BLOCK, Integer.highestOneBit(initialCapacity - 1) << 1);
        ByteBuffer block = free[bucket(size)].pollFirst();
        if (block == null) {
            block = ByteBuffer.allocateDirect(size);
            created.addAndGet(size);
        } else {
            retained.addAndGet(-size);
        }
        ByteBuffer view = block.duplicate().clear().limit(initialCapacity).slice();
        return new BlockBuf(this, block, view, maxCapacity);
    }

    /** Bytes of blocks ever allocated: stops growing once a step's worth is kept. */
    long createdBytes() {
        return created.get();
    }

    /** Bytes of blocks waiting to be reused. */
    long retainedBytes() {
        return retained.get();
    }

    private static int bucket(int size) {
        return Integer.numberOfTrailingZeros(size) - Integer.numberOfTrailingZeros(MIN_BLOCK);
    }

    private void giveBack(ByteBuffer block) {
        int size = block.capacity();
        if (retained.addAndGet(size) > retainLimit) {
            retained.addAndGet(-size);
            return; // the garbage collector frees it
        }
        free[bucket(size)].offerFirst(block);
    }

    /**
     * A buffer over a reused block. Netty does not free a buffer it was handed (only what it allocated itself when
     * the buffer grows), so the block goes back here when the buffer is released, whatever it grew into.
     */
    private static final class BlockBuf extends UnpooledDirectByteBuf {
        private final ReusingDirectAllocator owner;
        private ByteBuffer block;

        BlockBuf(ReusingDirectAllocator owner, ByteBuffer block, ByteBuffer view, int maxCapacity) {
            super(owner, view, maxCapacity);
            this.owner = owner;
            this.block = block;
            clear(); // the wrapping constructor marks the whole view as written
        }

        @Override
        protected void deallocate() {
            super.deallocate();
            ByteBuffer released = block;
            block = null;
            if (released != null) {
                owner.giveBack(released);
            }
        }
    }
}
