package io.mvtrx.runtime.gentrx.delta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceModelLayoutTest {

    @Test
    void holdsTheReferenceParameterCountAndOffsets() {
        ParameterLayout layout = ReferenceModelLayout.orderModel();

        assertThat(layout.totalElements()).isEqualTo(12_058_801L);
        // 6 embeddings + 4 time + 4 lob + token table + 8 x 9 layer tensors + final norm + 3 x 4 film + 5 x 4 heads
        assertThat(layout.size()).isEqualTo(6 + 4 + 4 + 1 + 72 + 1 + 12 + 20);
        assertThat(layout.get(0).name()).isEqualTo("emb_type.weight");
        int mid = layout.indexOf("emb_mid_delta.weight").orElseThrow();
        assertThat(layout.offset(mid)).isEqualTo(69_408L);
        int q0 = layout.indexOf("backbone.model.layers.0.self_attn.q_proj.weight").orElseThrow();
        assertThat(layout.offset(q0)).isEqualTo(69_408L + 1_152_288 + 18_912 + 6_624 + 576);
        assertThat(layout.get(layout.size() - 1).name()).isEqualTo("heads.interval.1.bias");
        assertThat(layout.get(layout.size() - 1).shape()).containsExactly(64);
        assertThat(layout.indexOf("lm_head.weight")).isEmpty();
    }

    @Test
    void keepsOneTenthOfEachTensorRoundedDownAtFractionOneTenth() {
        ParameterLayout layout = ReferenceModelLayout.orderModel();
        long kept = 0;
        for (ParameterLayout.Parameter parameter : layout.parameters()) {
            kept += io.mvtrx.runtime.gentrx.delta.gradient.TopK.count(parameter.elements(), 0.10);
        }
        // 8 bytes per kept entry: 9,646,536 bytes of body; the reference's int64 indices would take 14,469,804.
        assertThat(kept).isEqualTo(1_205_817L);
    }
}
