package io.mvtrx.runtime.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;

import io.mvtrx.runtime.subtensor.fakenode.FakeSubtensorNode;
import io.mvtrx.runtime.subtensor.fakenode.Fixtures;
import io.mvtrx.runtime.subtensor.internal.ChainDecoders;
import io.mvtrx.runtime.subtensor.internal.ScaleException;
import io.mvtrx.runtime.subtensor.internal.ScaleWriter;
import org.junit.jupiter.api.Test;

/** The recorded spec-343 metagraph answers decode with the layouts of the reference. */
class ChainDecodersTest {

    @Test
    void neuronsLiteOfSubnet1Yield1024NeuronsAndConsumeEveryByte() {
        byte[] bytes = FakeSubtensorNode.hex(Fixtures.recordedResult("metagraph", "state_call",
                "NeuronInfoRuntimeApi_get_neurons_lite"));
        assertThat(bytes).hasSize(186_526);
        List<ChainDecoders.NeuronLite> neurons = ChainDecoders.neuronsLite(bytes);
        assertThat(neurons).hasSize(1024);
        ChainDecoders.NeuronLite first = neurons.getFirst();
        assertThat(first.uid()).isZero();
        assertThat(first.netuid()).isEqualTo(1);
        assertThat(first.axon().address()).isEqualTo("192.222.59.109:6028");
        assertThat(first.axon().version()).isEqualTo(9_011_001);
        assertThat(first.axon().ipType()).isEqualTo(4);
        assertThat(neurons).extracting(ChainDecoders.NeuronLite::uid).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 1024).boxed().toList());
        assertThat(neurons.stream().filter(ChainDecoders.NeuronLite::validatorPermit).count()).isBetween(1L, 256L);
    }

    @Test
    void subnetStateOfSubnet1DecodesToOneEntryPerUid() {
        byte[] bytes = FakeSubtensorNode.hex(Fixtures.recordedResult("metagraph", "state_call",
                "SubnetInfoRuntimeApi_get_subnet_state"));
        ChainDecoders.SubnetState state = ChainDecoders.subnetState(bytes).orElseThrow();
        assertThat(state.netuid()).isEqualTo(1);
        assertThat(state.totalStake()).hasSize(1024);
        assertThat(state.blockAtRegistration()).hasSize(1024);
        assertThat(state.blockAtRegistration()).allMatch(b -> b <= 6_852_690L);
        assertThat(ChainDecoders.subnetState(new byte[] {0})).isEmpty();
    }

    @Test
    void truncatedOrPaddedAnswersAreRefused() {
        byte[] bytes = FakeSubtensorNode.hex(Fixtures.recordedResult("metagraph", "state_call",
                "NeuronInfoRuntimeApi_get_neurons_lite"));
        byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        assertThatThrownBy(() -> ChainDecoders.neuronsLite(padded)).isInstanceOf(ScaleException.class)
                .hasMessage("get_neurons_lite: 3 bytes left after decoding (layout differs from spec 343+)");
        byte[] cut = java.util.Arrays.copyOf(bytes, 1000);
        assertThatThrownBy(() -> ChainDecoders.neuronsLite(cut)).isInstanceOf(ScaleException.class);
    }

    @Test
    void commitmentRegistrationsGiveTheirRawText() {
        byte[] registration = new ScaleWriter().u64(0).u32(4_000_000).compact(1).u8(1 + 5)
                .raw("hello".getBytes()).toBytes();
        assertThat(ChainDecoders.commitmentText(registration)).contains("hello");
        byte[] hashOnly = new ScaleWriter().u64(0).u32(1).compact(1).u8(0x82).raw(new byte[32]).toBytes();
        assertThat(ChainDecoders.commitmentText(hashOnly)).isEmpty();
    }

    @Test
    void ipNumbersPrintAsTheSdkPrintsThem() {
        assertThat(ChainDecoders.hostText(new BigInteger("3405803786"), 4)).isEqualTo("203.0.113.10");
        assertThat(ChainDecoders.hostText(BigInteger.ONE.shiftLeft(127).add(BigInteger.ONE), 6))
                .isEqualTo("[8000:0:0:0:0:0:0:1]");
        assertThat(new ChainDecoders.AxonInfo(0, 0, BigInteger.ZERO, 0, 0, 0).address()).isEmpty();
    }
}
