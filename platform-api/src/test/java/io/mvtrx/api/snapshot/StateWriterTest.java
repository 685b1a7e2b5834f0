package io.mvtrx.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import org.junit.jupiter.api.Test;

class StateWriterTest {

    /** A part with a counter and a history, as plugins keep them. */
    private static class Counter implements Snapshottable {
        long count;
        double[] history;
        int readLess;

        @Override
        public void writeState(StateWriter out) {
            out.writeLong(count);
            out.writeDoubles(history);
        }

        @Override
        public void readState(StateReader in) {
            count = in.readLong();
            if (readLess == 0) {
                history = in.readDoubles();
            }
        }
    }

    @Test
    void everyValueComesBackAsWritten() {
        StateWriter out = StateWriter.inMemory();
        out.writeBoolean(true);
        out.writeInt(-1);
        out.writeInt(Integer.MIN_VALUE);
        out.writeLong(Long.MAX_VALUE);
        out.writeLong(Long.MIN_VALUE);
        out.writeLong(300);
        out.writeDouble(-0.0);
        out.writeDouble(Double.longBitsToDouble(0x7FF8_0000_0000_0ABCL));
        out.writeString("Ω trader");
        out.writeString(null);
        out.writeLongs(new long[] {5, -6, 7}, 1, 3);
        out.writeDoubles(null);
        out.writeInts(new int[] {3, -4});
        out.writeBooleans(new boolean[] {false, true});
        SplitMix64 random = new SplitMix64(12);
        random.nextLong();
        out.writeRandom(random);

        StateReader in = StateReader.of(out.toByteArray(), 1);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readInt()).isEqualTo(-1);
        assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(in.readLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(in.readLong()).isEqualTo(300);
        assertThat(Double.doubleToRawLongBits(in.readDouble())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits(in.readDouble())).isEqualTo(0x7FF8_0000_0000_0ABCL);
        assertThat(in.readString()).isEqualTo("Ω trader");
        assertThat(in.readString()).isNull();
        assertThat(in.readLongs()).containsExactly(-6, 7);
        assertThat(in.readDoubles()).isNull();
        assertThat(in.readInts()).containsExactly(3, -4);
        assertThat(in.readBooleans()).containsExactly(false, true);
        SplitMix64 restored = new SplitMix64(0);
        in.readRandom(restored);
        assertThat(restored.nextLong()).isEqualTo(random.nextLong());
        assertThat(in.remaining()).isZero();
    }

    @Test
    void smallIntegersTakeOneByte() {
        StateWriter out = StateWriter.inMemory();
        out.writeLong(63);
        out.writeLong(-64);
        out.writeInt(0);

        assertThat(out.toByteArray()).hasSize(3);
    }

    @Test
    void aSectionRestoresItsPartAndIsTheSameWrittenInMemoryOrOntoAStream() throws Exception {
        Counter counter = new Counter();
        counter.count = 41;
        counter.history = new double[] {1.5, 2.5};
        StateWriter memory = StateWriter.inMemory();
        memory.writeSection(counter);
        memory.writeInt(7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter stream = new StateWriter(new DataOutputStream(bytes));
        stream.writeSection(counter);
        stream.writeInt(7);

        assertThat(bytes.toByteArray()).isEqualTo(memory.toByteArray());

        Counter restored = new Counter();
        StateReader in = new StateReader(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 1);
        in.readSection(restored, "counter");
        assertThat(restored.count).isEqualTo(41);
        assertThat(restored.history).containsExactly(1.5, 2.5);
        assertThat(in.readInt()).isEqualTo(7);
    }

    @Test
    void aPartThatReadsLessThanItsSectionIsNamed() {
        Counter counter = new Counter();
        counter.history = new double[] {1, 2, 3};
        StateWriter out = StateWriter.inMemory();
        out.writeSection(counter);
        Counter sloppy = new Counter();
        sloppy.readLess = 1;

        assertThatThrownBy(() -> StateReader.of(out.toByteArray(), 1).readSection(sloppy, "fee policy 'odd'"))
                .isInstanceOf(StateFormatException.class)
                .hasMessage("fee policy 'odd' read 1 of the 26 bytes of its saved state");
    }

    @Test
    void aSectionWrittenAtANewerVersionIsRefused() {
        Snapshottable newer = new Counter() {
            @Override
            public int stateVersion() {
                return 3;
            }
        };
        StateWriter out = StateWriter.inMemory();
        out.writeSection(newer);

        assertThatThrownBy(() -> StateReader.of(out.toByteArray(), 1).readSection(new Counter(), "process 'x'"))
                .isInstanceOf(StateFormatException.class)
                .hasMessage("process 'x': saved state version 3 is newer than the 1 that "
                        + Counter.class.getName() + " reads");
    }

    @Test
    void aTruncatedStateSaysSo() {
        StateWriter out = StateWriter.inMemory();
        out.writeDoubles(new double[] {1, 2});
        byte[] bytes = out.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);

        assertThatThrownBy(() -> StateReader.of(cut, 1).readDoubles())
                .isInstanceOf(StateFormatException.class)
                .hasMessageStartingWith("the saved state ends early");
        assertThatThrownBy(() -> StateReader.of(bytes, 1).readDoubles("lastMid", 3))
                .isInstanceOf(StateFormatException.class)
                .hasMessage("lastMid: saved 2 values, expected 3");
    }

    @Test
    void anUnknownVersionIsRefusedByName() {
        assertThatThrownBy(() -> StateReader.of(new byte[0], 4).requireVersion("tiered fee policy", 1, 2))
                .isInstanceOf(StateFormatException.class)
                .hasMessage("tiered fee policy: saved state version 4 is not one this version reads ([1, 2])");
    }
}
