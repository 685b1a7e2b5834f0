package io.mvtrx.runtime.wire.validator;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Request buffers come from blocks kept between steps, and every release gives its block back exactly once. */
class ReusingDirectAllocatorTest {

    @Test
    void aReleasedBufferIsTheNextOnesMemoryEmptyAndWritableAgain() {
        ReusingDirectAllocator allocator = new ReusingDirectAllocator(1L << 30);

        ByteBuf first = allocator.directBuffer(100_000, 100_000);
        first.writeBytes(new byte[100_000]);
        first.release();
        ByteBuf second = allocator.directBuffer(70_000, 70_000);

        assertThat(allocator.createdBytes()).isEqualTo(131_072);
        assertThat(second.capacity()).isEqualTo(70_000);
        assertThat(second.writerIndex()).isZero();
        second.writeBytes(new byte[] {1, 2, 3});
        assertThat(second.getByte(2)).isEqualTo((byte) 3);
        second.release();
        assertThat(allocator.retainedBytes()).isEqualTo(131_072);
    }

    @Test
    void aBufferThatGrowsKeepsItsBytesAndStillGivesItsBlockBackOnce() {
        ReusingDirectAllocator allocator = new ReusingDirectAllocator(1L << 30);
        byte[] data = new byte[10_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }

        ByteBuf buffer = allocator.directBuffer(4_096, 1 << 20);
        buffer.writeBytes(data);

        byte[] back = new byte[data.length];
        buffer.getBytes(0, back);
        assertThat(back).isEqualTo(data);
        assertThat(buffer.release()).isTrue();
        assertThat(allocator.retainedBytes()).isEqualTo(4_096);
        assertThat(allocator.directBuffer(4_000, 4_000).capacity()).isEqualTo(4_000);
        assertThat(allocator.retainedBytes()).isZero();
        assertThat(allocator.createdBytes()).isEqualTo(4_096);
    }

    @Test
    void buffersAboveTheLargestBlockAndReleasesBeyondTheLimitAreNotKept() {
        ReusingDirectAllocator allocator = new ReusingDirectAllocator(8_192);

        allocator.directBuffer(2 << 20, 2 << 20).release();
        ByteBuf a = allocator.directBuffer(8_192, 8_192);
        ByteBuf b = allocator.directBuffer(8_192, 8_192);
        a.release();
        b.release();

        assertThat(allocator.createdBytes()).isEqualTo(16_384);
        assertThat(allocator.retainedBytes()).isEqualTo(8_192);
    }
}
