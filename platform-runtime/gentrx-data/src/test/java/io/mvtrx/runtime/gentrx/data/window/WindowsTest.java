package io.mvtrx.runtime.gentrx.data.window;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowsTest {

    @Test
    void eachFileGivesRowsMinusSeqLenWindowsAndNoneSpansTwoFiles() {
        // seq_len 512: 30,000 rows -> 29,488 windows; 512 rows -> 0 (a window needs 513); 600 -> 88.
        WindowIndex index = new WindowIndex(List.of(30_000, 512, 600), 512);

        assertThat(index.windows()).isEqualTo(29_488 + 88);
        assertThat(index.windowsIn(1)).isZero();
        assertThat(index.window(0)).isEqualTo(new Window(0, 0));
        assertThat(index.window(29_487)).isEqualTo(new Window(0, 29_487));
        assertThat(index.window(29_488)).isEqualTo(new Window(2, 0));
        assertThat(index.window(29_488 + 87)).isEqualTo(new Window(2, 87));
        // The last window of file 2 reads inputs 87..598 and labels 88..599, the file's last row.
        assertThat(index.window(29_488 + 87).start() + 512).isEqualTo(599);
        assertThatThrownBy(() -> index.window(29_488 + 88)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("window 29576 of 29576");
    }

    @Property(tries = 200)
    void windowsStayInsideTheirFile(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 300) Integer> rows,
                                    @ForAll @IntRange(min = 1, max = 50) int seqLen) {
        WindowIndex index = new WindowIndex(rows, seqLen);
        for (long i = 0; i < index.windows(); i++) {
            Window w = index.window(i);
            assertThat(w.start() + seqLen).isLessThan(rows.get(w.file()));
        }
        assertThat(index.windows()).isEqualTo(rows.stream().mapToLong(r -> Math.max(0, r - seqLen)).sum());
    }

    @Test
    void theInterleaveOrderIsAPermutationFixedByTheSeed() {
        WindowIndex index = new WindowIndex(List.of(3_000, 10, 5_000, 2_600), 100);
        InterleaveSampler sampler = InterleaveSampler.defaults();

        long[] a = sampler.order(index, 7);
        long[] b = sampler.order(index, 7);
        long[] c = sampler.order(index, 8);

        assertThat(a).hasSize(2_900 + 4_900 + 2_500);
        assertThat(a).containsExactly(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(Arrays.stream(a).sorted().toArray()).containsExactly(LongStream.range(0, 10_300).toArray());
    }

    @Test
    void windowsComeInBlocksOfOneFileShuffledInside() {
        // 30 and 50 windows in blocks of 10: every aligned run of 10 in the order is one file's block.
        WindowIndex index = new WindowIndex(List.of(40, 60), 10);
        long[] order = new InterleaveSampler(10, 1.0).order(index, 11);

        assertThat(order).hasSize(80);
        for (int block = 0; block < 8; block++) {
            int file = index.window(order[block * 10]).file();
            for (int k = 1; k < 10; k++) {
                assertThat(index.window(order[block * 10 + k]).file()).as("block %d", block).isEqualTo(file);
            }
        }
        // Shuffled inside the file: file 0's windows do not come out as 0, 1, 2, ...
        assertThat(Arrays.stream(order).filter(w -> w < 30).toArray())
                .isNotEqualTo(LongStream.range(0, 30).toArray());
    }

    @Test
    void laterFilesTendToComeFirst() {
        // Two files of one block each: the later one has weight e, so its key u^(1/e) beats the earlier's u' with
        // probability e / (1 + e) = 0.731. Over 2,000 seeds that is 1,462 expected; the test allows +-100.
        WindowIndex index = new WindowIndex(List.of(110, 110), 10);
        int laterFirst = 0;
        for (long seed = 0; seed < 2_000; seed++) {
            if (index.window(InterleaveSampler.defaults().order(index, seed)[0]).file() == 1) {
                laterFirst++;
            }
        }
        assertThat(laterFirst).isBetween(1_362, 1_562);
    }

    @Test
    void theScoringOrderIsSequential() {
        WindowIndex index = new WindowIndex(List.of(100, 80), 64);

        assertThat(SequentialSampler.order(index, 1_000)).containsExactly(LongStream.range(0, 52).toArray());
        assertThat(SequentialSampler.order(index, 3)).containsExactly(0, 1, 2);
    }
}
