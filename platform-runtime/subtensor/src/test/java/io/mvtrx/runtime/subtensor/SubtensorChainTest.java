package io.mvtrx.runtime.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.mvtrx.api.spi.chain.ChainException;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.runtime.bittensor.keys.Sr25519;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.Ss58;
import io.mvtrx.runtime.subtensor.fakenode.FakeSubtensorNode;
import io.mvtrx.runtime.subtensor.fakenode.Fixtures;
import io.mvtrx.runtime.subtensor.internal.ChainDecoders;
import io.mvtrx.runtime.subtensor.internal.Era;
import io.mvtrx.runtime.subtensor.internal.Hashing;
import io.mvtrx.runtime.subtensor.internal.ScaleReader;
import io.mvtrx.runtime.subtensor.internal.ScaleWriter;
import io.mvtrx.runtime.subtensor.internal.UnsupportedRuntimeException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend against a fake node on loopback that replays the recorded spec-343 answers and checks what is
 * submitted: extrinsic bytes against the reference vectors, signatures against a payload rebuilt here.
 */
class SubtensorChainTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String GENESIS = FakeSubtensorNode.GENESIS;
    private static final String BIRTH = FakeSubtensorNode.BIRTH;
    private static final String FINALIZED = FakeSubtensorNode.FINALIZED;
    private static final String BEST = "0x" + "be".repeat(32);
    private static final Sr25519Keypair K1 = Sr25519Keypair.fromMiniSecret(
            HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    private static final String CR_KEY_79 =
            "658faa385070e074c85bf6b568cf05558fb0d3eb3d4ea01122652b09d1d43c654f00";
    private static final SubtensorOptions.Randomness FIXED = new SubtensorOptions.Randomness() {
        @Override
        public byte[] witness() {
            return new byte[32];
        }

        @Override
        public List<Integer> salt() {
            return List.of(1, 2, 3, 4, 5, 6, 7, 8);
        }
    };

    private FakeSubtensorNode node;
    private final AtomicReference<String> commitReveal = new AtomicReference<>("0x00");
    private final AtomicLong best = new AtomicLong(-1);

    @BeforeEach
    void startNode() throws IOException {
        node = new FakeSubtensorNode("metagraph").signingChain()
                .answer("chain_getHeader", p -> p.isEmpty() || p.isNull(0) ? null
                        : p.getString(0).equals(FINALIZED) ? header(5_000_000)
                        : p.getString(0).equals(BEST) ? header(best.get()) : null)
                .answer("chain_getHead", p -> best.get() < 0 ? null : Json.createValue(BEST))
                .answer("account_nextIndex", p -> p.getString(0).equals(K1.ss58Address()) ? Json.createValue(7) : null)
                .answer("state_getStorage", p -> p.getString(0).substring(2).equals(CR_KEY_79)
                        ? Json.createValue(commitReveal.get()) : null)
                // 256 uids, at least one weight, no cap: the SDK's processing leaves the vectors below as they are
                .storage(FakeSubtensorNode.subtensorKey("SubnetworkN", 79), "0001")
                .storage(FakeSubtensorNode.subtensorKey("MinAllowedWeights", 79), "0100");
    }

    @AfterEach
    void stopNode() throws IOException {
        node.close();
    }

    private SubtensorChain connect() {
        return SubtensorChain.connect(node.uri(), Optional.of(K1), SubtensorOptions.DEFAULTS
                .withTimeout(Duration.ofSeconds(10)).withRetries(3, Duration.ofMillis(20)).withVersionKey(54)
                .withRevealPoll(Duration.ZERO).withRandomness(FIXED));
    }

    @Test
    void startUpReadsGenesisRuntimeVersionAndMetadata() {
        try (SubtensorChain chain = connect()) {
            assertThat(chain.specVersion()).isEqualTo(343);
            assertThat(chain.signedExtensions()).containsExactly("CheckNonZeroSender", "CheckSpecVersion",
                    "CheckTxVersion", "CheckGenesis", "CheckMortality", "CheckNonce", "CheckWeight",
                    "ChargeTransactionPayment", "SubtensorTransactionExtension", "DrandPriority", "CheckMetadataHash");
            assertThat(chain.signer()).contains("5DcjVUSFQsUSFDCMFNSFYRwBYgya7BEcoA47F5pkphi8NXnu");
        }
        assertThat(node.paramsOf("chain_getBlockHash")).containsExactly(Json.createArrayBuilder().add(0).build());
        assertThat(node.paramsOf("state_getMetadata")).hasSize(1);
        assertThat(node.unexpected()).isEmpty();
    }

    @Test
    void blockHeightAndMetagraphComeFromTheRecordedAnswers() throws IOException {
        try (SubtensorChain chain = connect()) {
            assertThat(chain.blockHeight()).isEqualTo(6_852_690L);
            List<Neuron> neurons = chain.metagraph(1);
            assertThat(neurons).hasSize(1024);
            Neuron first = neurons.getFirst();
            // Compact(1024) takes two bytes, then the first neuron's hotkey and coldkey
            byte[] recorded = FakeSubtensorNode.hex(Fixtures.recordedResult("metagraph", "state_call",
                    "NeuronInfoRuntimeApi_get_neurons_lite"));
            assertThat(first.uid()).isZero();
            assertThat(first.hotkey()).isEqualTo(Ss58.encode(Arrays.copyOfRange(recorded, 2, 34)));
            assertThat(first.coldkey()).isEqualTo(Ss58.encode(Arrays.copyOfRange(recorded, 34, 66)));
            assertThat(first.axon()).isEqualTo("192.222.59.109:6028");
            ChainDecoders.SubnetState state = ChainDecoders.subnetState(FakeSubtensorNode.hex(Fixtures.recordedResult(
                    "metagraph", "state_call", "SubnetInfoRuntimeApi_get_subnet_state"))).orElseThrow();
            for (Neuron n : List.of(first, neurons.get(17), neurons.getLast())) {
                assertThat(n.stake()).isEqualTo(state.totalStake().get(n.uid()));
                assertThat(n.registeredAt()).isEqualTo(state.blockAtRegistration().get(n.uid()));
            }
        }
        assertThat(node.unexpected()).isEmpty();
    }

    @Test
    void setWeightsSubmitsExactlyTheReferenceExtrinsic() throws IOException {
        try (SubtensorChain chain = connect()) {
            chain.setWeights(79, K1.ss58Address(), Map.of(0, 1.0, 1, 0.5, 5, 1.0 / 65535));
        }
        assertThat(node.submitted()).hasSize(1);
        byte[] extrinsic = node.submitted().getFirst();
        assertThat(HEX.formatHex(extrinsic)).isEqualTo(Fixtures.vector("extrinsic-set_mechanism_weights-K1")
                .getJsonObject("expected").getString("extrinsicHex"));
        assertThat(HEX.formatHex(verifiedCall(extrinsic)))
                .isEqualTo("07774f00000c0000010005000cffff008001003600000000000000");
        assertThat(node.paramsOf("account_nextIndex")).containsExactly(Json.createArrayBuilder()
                .add(K1.ss58Address()).build());
        assertThat(node.unexpected()).isEmpty();
    }

    @Test
    void commitRevealCommitsTheHashThenRevealsInTheRevealEpoch() throws IOException {
        commitReveal.set("0x01");
        try (SubtensorChain chain = connect()) {
            best.set(6_000_000);
            Hyperparameters h = chain.hyperparameters(79);
            assertThat(h.commitRevealEnabled()).isTrue();
            assertThat(h.block()).isEqualTo(6_000_000);
            chain.setWeights(79, K1.ss58Address(), Map.of(0, 1.0, 1, 0.5, 5, 1.0 / 65535));
            assertThat(node.submitted()).hasSize(1);
            assertThat(HEX.formatHex(verifiedCall(node.submitted().getFirst()))).isEqualTo(
                    "07734f0000096f43fc58d810689a3fc593590bb2c3453cb8ba16010707e3e94f8876f68fae");
            long revealEpoch = h.epoch(6_000_000, 79) + h.revealPeriodEpochs();
            assertThat(chain.pendingReveals()).singleElement()
                    .satisfies(r -> assertThat(r.revealEpoch()).isEqualTo(revealEpoch));

            assertThat(chain.revealDue()).isZero();
            best.set(revealEpoch * (h.tempo() + 1L) - 80 + 1);
            assertThat(h.epoch(best.get(), 79)).isEqualTo(revealEpoch);
            assertThat(chain.revealDue()).isEqualTo(1);
            assertThat(chain.pendingReveals()).isEmpty();
        }
        assertThat(node.submitted()).hasSize(2);
        assertThat(HEX.formatHex(verifiedCall(node.submitted().get(1)))).isEqualTo(
                "07744f00000c0000010005000cffff0080010020010002000300040005000600070008003600000000000000");
    }

    @Test
    void aRuntimeWithOnlyTimelockedCommitsIsRefusedWithoutSubmitting() {
        commitReveal.set("0x01");
        node.metadata(Fixtures.text("metadata-v14.hex")
                .replace(ascii("reveal_mechanism_weights"), ascii("reveal_mechanism_weightZ"))
                .replace(ascii("reveal_weights"), ascii("reveal_weightZ")));
        try (SubtensorChain chain = connect()) {
            assertThatThrownBy(() -> chain.setWeights(79, K1.ss58Address(), Map.of(0, 1.0)))
                    .isInstanceOf(ChainException.class)
                    .hasMessageStartingWith("subnet 79 requires commit-reveal and runtime spec 343 accepts only "
                            + "timelocked (drand) weight commits, which this client cannot produce");
        }
        assertThat(node.submitted()).isEmpty();
    }

    @Test
    void anUnknownSignedExtensionWithDataStopsTheStart() {
        node.metadata(Fixtures.text("metadata-v14.hex").replace(ascii("CheckNonce"), ascii("CheckNoncf")));
        assertThatThrownBy(this::connect).isInstanceOf(UnsupportedRuntimeException.class)
                .hasMessageStartingWith("runtime spec 343 has signed extension(s) CheckNoncf that carry data");
    }

    @Test
    void serveAxonPublishesTheReferenceCallAndRefusesLoopback() throws IOException {
        try (SubtensorChain chain = connect()) {
            chain.serveAxon(79, K1.ss58Address(), "203.0.113.10", 8091);
            assertThatThrownBy(() -> chain.serveAxon(79, K1.ss58Address(), "127.0.0.1", 8091))
                    .isInstanceOf(ChainException.class).hasMessageContaining("not reachable from other machines");
        }
        assertThat(node.submitted()).hasSize(1);
        assertThat(HEX.formatHex(verifiedCall(node.submitted().getFirst())))
                .isEqualTo("07044f0008aa98000a7100cb0000000000000000000000009b1f04040000");
    }

    @Test
    void commitmentsAreWrittenAsRawFieldsAndReadBack() throws IOException {
        String k3 = "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX";
        String k3Key = "ca407206ec1ab726b2636c4b145ac287419a60ae8b01e6dcaebd7317e43c69bf4f000365d0f08e3ecb6d"
                + "e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446";
        byte[] registration = new ScaleWriter().u64(0).u32(5_000_000).compact(1).u8(1 + 11)
                .raw("bucket-key1".getBytes()).toBytes();
        node.answer("state_getStorage", p -> p.getString(0).substring(2).equals(k3Key)
                ? Json.createValue("0x" + HEX.formatHex(registration)) : null);
        try (SubtensorChain chain = connect()) {
            assertThat(chain.commitment(79, k3)).contains("bucket-key1");
            assertThat(chain.commitment(79, K1.ss58Address())).isEmpty();
            chain.commit(79, K1.ss58Address(), "a".repeat(128));
            assertThatThrownBy(() -> chain.commit(79, K1.ss58Address(), "a".repeat(129)))
                    .hasMessage("a commitment holds at most 128 bytes, got 129");
        }
        assertThat(node.submitted()).hasSize(1);
        assertThat(HEX.formatHex(verifiedCall(node.submitted().getFirst())))
                .isEqualTo("12004f000481" + "61".repeat(128));
    }

    @Test
    void weightsAreReadFromStorageAndNormalized() throws IOException {
        String uids = HEX.formatHex(Hashing.twox128("SubtensorModule")) + HEX.formatHex(Hashing.twox128("Uids"));
        String weights = HEX.formatHex(Hashing.twox128("SubtensorModule"))
                + HEX.formatHex(Hashing.twox128("Weights"));
        byte[] pairs = new ScaleWriter().compact(2).compact(0).compact(30000).compact(4).compact(10000).toBytes();
        node.answer("state_getStorage", p -> {
            String key = p.getString(0).substring(2);
            if (key.startsWith(uids)) {
                return Json.createValue("0x0300");
            }
            if (key.equals(weights + "4f00" + "0300")) {
                return Json.createValue("0x" + HEX.formatHex(pairs));
            }
            return null;
        });
        try (SubtensorChain chain = connect()) {
            assertThat(chain.weights(79, K1.ss58Address())).isEqualTo(Map.of(0, 0.75, 4, 0.25));
        }
    }

    @Test
    void poolRefusalsAreChainExceptionsThatSayWhy() {
        node.answer("author_submitExtrinsic", p -> {
            throw new FakeSubtensorNode.RpcError(1010, "Invalid Transaction", "Custom error: 6");
        });
        try (SubtensorChain chain = connect()) {
            assertThatThrownBy(() -> chain.setWeights(79, K1.ss58Address(), Map.of(0, 1.0)))
                    .isInstanceOf(ChainException.class)
                    .hasMessage("subtensor refused set_mechanism_weights from " + K1.ss58Address()
                            + ": author_submitExtrinsic: error 1010: Invalid Transaction (Custom error: 6): weights "
                            + "set too soon (WeightsSetRateLimit)");
        }
    }

    @Test
    void aDroppedConnectionIsReopenedAndTheCallRetried() throws IOException {
        try (SubtensorChain chain = connect()) {
            node.dropNext(1);
            assertThat(chain.blockHeight()).isEqualTo(6_852_690L);
        }
        assertThat(node.requests()).anyMatch(r -> r.startsWith("dropped ") && r.contains("chain_getHeader"));
    }

    @Test
    void writesForAnotherHotkeyAndColdkeyOperationsAreRefused() {
        try (SubtensorChain chain = connect()) {
            String other = "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX";
            assertThatThrownBy(() -> chain.setWeights(79, other, Map.of(0, 1.0))).isInstanceOf(ChainException.class)
                    .hasMessage("cannot set weights for " + other + ": this backend signs with hotkey "
                            + K1.ss58Address());
            assertThatThrownBy(() -> chain.register(1, other, "x")).isInstanceOf(ChainException.class)
                    .hasMessageContaining("btcli subnet register --netuid 1");
            assertThatThrownBy(() -> chain.addStake(1, other, 5)).hasMessageContaining("btcli stake add");
        }
        assertThat(node.submitted()).isEmpty();
    }

    @Test
    void anUnreachableNodeFailsTheStartNamingIt() throws IOException {
        java.net.URI uri = node.uri();
        node.close();
        assertThatThrownBy(() -> SubtensorChain.connect(uri, Optional.empty(), SubtensorOptions.DEFAULTS
                .withTimeout(Duration.ofSeconds(2)).withRetries(2, Duration.ofMillis(10))))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("subtensor node " + uri + ": cannot open a WebSocket to " + uri + ": connection refused");
    }

    /**
     * Parses a signed extrinsic byte by byte, rebuilds the signing payload with this node's own spec, genesis and
     * birth hash, checks the sr25519 signature and returns the call.
     */
    private static byte[] verifiedCall(byte[] extrinsic) {
        ScaleReader in = new ScaleReader(extrinsic);
        int length = (int) in.compact();
        assertThat(length).isEqualTo(in.remaining());
        assertThat(in.u8()).isEqualTo(0x84);
        assertThat(in.u8()).isZero();
        byte[] signer = in.raw(32);
        assertThat(in.u8()).isEqualTo(1);
        byte[] signature = in.raw(64);
        int extraStart = in.position();
        int e0 = in.u8();
        Era era = Era.decode(e0, in.u8());
        assertThat(in.compact()).isEqualTo(7); // nonce
        assertThat(in.compact()).isZero(); // tip
        assertThat(in.u8()).isZero(); // metadata hash mode
        byte[] extra = Arrays.copyOfRange(extrinsic, extraStart, in.position());
        byte[] call = in.raw(in.remaining());
        assertThat(era.birth(5_000_000)).isEqualTo(5_000_000);
        byte[] payload = new ScaleWriter().raw(call).raw(extra).u32(343).u32(1).raw(FakeSubtensorNode.hex(GENESIS))
                .raw(FakeSubtensorNode.hex(BIRTH)).u8(0).toBytes();
        byte[] message = payload.length > 256 ? Hashing.blake2b256(payload) : payload;
        assertThat(Sr25519.verify(signer, message, signature)).as("signature over the rebuilt payload").isTrue();
        return call;
    }

    private static JsonValue header(long number) {
        return Json.createObjectBuilder().add("number", "0x" + Long.toHexString(number))
                .add("parentHash", "0x" + "00".repeat(32)).build();
    }

    private static String ascii(String text) {
        return HEX.formatHex(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
