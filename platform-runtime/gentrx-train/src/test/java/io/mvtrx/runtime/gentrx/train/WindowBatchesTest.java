package io.mvtrx.runtime.gentrx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import io.mvtrx.runtime.gentrx.data.token.TokenizedPage;
import io.mvtrx.runtime.gentrx.data.window.Window;
import io.mvtrx.runtime.gentrx.model.TokenBatch;

import org.junit.jupiter.api.Test;

class WindowBatchesTest {

    @Test
    void aWindowFeedsItsRowsAndIsLabelledWithEachNextRow() {
        TokenizedPage first = TestPages.page(10, 1);
        TokenizedPage second = TestPages.page(12, 2);

        TokenBatch batch = WindowBatches.batch(List.of(first, second), List.of(new Window(1, 3), new Window(0, 0)), 4);

        assertThat(batch.batch()).isEqualTo(2);
        assertThat(batch.length()).isEqualTo(4);
        // window (1, 3): inputs rows 3..6 of the second page, labels rows 4..7
        assertThat(Arrays.copyOfRange(batch.inputs().orderType(), 0, 4)).containsExactly(3, 4, 0, 1);
        assertThat(Arrays.copyOfRange(batch.labels().orderType(), 0, 4)).containsExactly(4, 0, 1, 2);
        assertThat(Arrays.copyOfRange(batch.labels().price(), 0, 4)).containsExactly(53, 45, 47, 49);
        assertThat(Arrays.copyOfRange(batch.lob(), 0, 20))
                .containsExactly(Arrays.copyOfRange(second.lob(), 3 * 20, 4 * 20));
        assertThat(batch.midDeltaBucket()[0]).isEqualTo(second.midDeltaBucket()[3]);
        // window (0, 0): inputs rows 0..3 of the first page
        assertThat(Arrays.copyOfRange(batch.inputs().orderType(), 4, 8)).containsExactly(0, 1, 2, 3);
        assertThat(Arrays.copyOfRange(batch.labels().interval(), 4, 8))
                .containsExactly(Arrays.copyOfRange(first.interval(), 1, 5));
    }

    @Test
    void refusesAWindowWhoseLabelsRunPastItsPage() {
        TokenizedPage page = TestPages.page(10, 1);
        assertThat(WindowBatches.batch(List.of(page), List.of(new Window(0, 5)), 4).rows()).isEqualTo(4);
        assertThatThrownBy(() -> WindowBatches.batch(List.of(page), List.of(new Window(0, 6)), 4))
                .hasMessage("window Window[file=0, start=6] needs rows 6..10 of a page of 10");
    }
}
