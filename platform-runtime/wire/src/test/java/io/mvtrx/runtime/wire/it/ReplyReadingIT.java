package io.mvtrx.runtime.wire.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.runtime.wire.codec.InstructionCodec;
import io.mvtrx.runtime.wire.proto.MinerGrpc;
import io.mvtrx.runtime.wire.proto.MinerProto;
import io.mvtrx.runtime.wire.proto.ModelProto;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;
import io.mvtrx.runtime.wire.validator.MinerResult;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.ResultKind;

import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator reads each miner's reply straight into instruction records (no generated messages): what another
 * implementation of the miner service sends over real gRPC arrives as the same records, an instruction the records
 * refuse fails that miner's answer with its index and field, and bytes that are no reply fail the call.
 */
class ReplyReadingIT {

    @TempDir
    Path dir;

    private TestNetwork net;

    @BeforeEach
    void start() throws Exception {
        net = new TestNetwork(dir);
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    /** One miner answering every request with {@code reply}, and the fan-out's result for one query to it. */
    private MinerResult queryAnswering(Supplier<MinerProto.AgentReply> reply) throws Exception {
        return queryAnsweringBytes(() -> reply.get().toByteArray());
    }

    /** As {@link #queryAnswering}, the reply given as the bytes the miner sends. */
    private MinerResult queryAnsweringBytes(Supplier<byte[]> reply) throws Exception {
        Server server = rawServer(reply);
        try (Fanout fanout = new Fanout(net.validator,
                FanoutConfig.DEFAULTS.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)), TestNetwork.CLOCK)) {
            MinerTarget miner = new MinerTarget(7, net.stranger.address(), "127.0.0.1", server.getPort());
            List<MinerTarget> miners = List.of(miner);
            return fanout.query(TestNetwork.step(miners, 1_000), miners).getFirst();
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReplyFromAnotherImplementationArrivesAsTheSameRecords() throws Exception {
        List<Instruction> sent = List.of(
                new PlaceLimit(3, Side.SELL, 29_500_00, 2_5000, Currency.BASE, 0, TimeInForce.GTT, 60_000_000_000L,
                        true, StpMode.CO, -17, 0, 0, 0, 1_000_000),
                new CancelOrders(3, List.of(new CancelOrders.Cancellation(41, CancelOrders.Cancellation.ALL),
                        new CancelOrders.Cancellation(42, 1_0000)), 0),
                new ResetAgents(List.of(-5, 12), 0));
        MinerProto.AgentReply.Builder reply = MinerProto.AgentReply.newBuilder().setAgentId(7)
                .setAccountsKept(99);
        sent.forEach(x -> reply.addInstructions(InstructionCodec.encode(x)));

        MinerResult result = queryAnswering(reply::build);

        assertThat(result.kind()).as(result.description()).isEqualTo(ResultKind.OK);
        assertThat(result.response().agentId()).isEqualTo(7);
        assertThat(result.response().instructions()).containsExactlyElementsOf(sent);
    }

    @Test
    void bytesThatAreNoReplyFailTheCallAsTheGeneratedClientFailsIt() throws Exception {
        // field 1 as length-delimited (an unknown field for agent_id's number) whose length runs past the end
        byte[] garbage = {0x0A, 0x05, 0x01};
        Server server = rawServer(() -> garbage);
        Status generated;
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
        try {
            generated = assertThrows(StatusRuntimeException.class, () -> MinerGrpc.newBlockingStub(channel)
                    .respond(MinerProto.StateRequest.getDefaultInstance())).getStatus();
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        MinerResult result = queryAnsweringBytes(() -> garbage);

        // the generated client's call ends CANCELLED "Failed to read message." with its marshaller's refusal as
        // the cause, which the fan-out reports (as it did before it read replies itself)
        assertThat(generated.getCode()).isEqualTo(Status.Code.CANCELLED);
        Status refusal = ((StatusRuntimeException) generated.getCause()).getStatus();
        assertThat(result.kind()).isEqualTo(ResultKind.FAILED);
        assertThat(result.code()).isEqualTo(refusal.getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(result.description()).isEqualTo(refusal.getDescription())
                .isEqualTo("Invalid protobuf byte sequence");
    }

    @Test
    void anInstructionTheRecordsRefuseFailsTheAnswerNamingItsIndexAndField() throws Exception {
        MinerProto.AgentReply reply = MinerProto.AgentReply.newBuilder().setAgentId(7)
                .addInstructions(InstructionCodec.encode(new ResetAgents(List.of(1), 0)))
                .addInstructions(ModelProto.Instruction.newBuilder().setPlaceLimit(ModelProto.PlaceLimit.newBuilder()
                        .setBookId(1).setSideValue(7).setVolume(1)))
                .build();

        MinerResult result = queryAnswering(() -> reply);

        assertThat(result.kind()).isEqualTo(ResultKind.FAILED);
        assertThat(result.code()).isEqualTo(Status.Code.INTERNAL);
        assertThat(result.description())
                .isEqualTo("invalid reply: AgentReply instruction 1: field 'PlaceLimit.side': Side value 7 is unknown");
        assertThat(result.response().instructions()).isEmpty();
    }

    /** A miner service answering {@code Respond} with the bytes given, whatever they are. */
    private static Server rawServer(Supplier<byte[]> reply) throws IOException {
        MethodDescriptor<MinerProto.StateRequest, byte[]> respond = MinerGrpc.getRespondMethod().toBuilder(
                MinerGrpc.getRespondMethod().getRequestMarshaller(), new RawBytes()).build();
        return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerServiceDefinition.builder(MinerGrpc.SERVICE_NAME)
                        .addMethod(respond, ServerCalls.asyncUnaryCall((request, out) -> {
                            out.onNext(reply.get());
                            out.onCompleted();
                        }))
                        .build())
                .build().start();
    }

    /** A reply sent as the bytes given, whatever they are. */
    private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            throw new UnsupportedOperationException("the test's miner only sends");
        }
    }
}
