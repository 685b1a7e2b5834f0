package io.mvtrx.runtime.wire.codec;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * {@link TrainingAssignment} records to and from {@code TrainingAssignment} messages.
 *
 * <p>Stateless and thread-safe.
 */
public final class AssignmentCodec {

    private AssignmentCodec() {
    }

    /** Serializes an assignment. */
    public static ByteString encode(TrainingAssignment assignment) {
        BucketAccess data = assignment.data();
        return ModelProto.TrainingAssignment.newBuilder()
                .setRound(assignment.round())
                .setModelVersion(assignment.modelVersion())
                .addAllBooks(assignment.books())
                .setTsStartNs(assignment.tsStartNs())
                .setTsEndNs(assignment.tsEndNs())
                .addAllDataKeys(assignment.dataKeys())
                .setData(ModelProto.BucketAccess.newBuilder().setSource(data.source()).setEndpoint(data.endpoint())
                        .setBucket(data.bucket()).setAccessKey(data.accessKey()).setSecretKey(data.secretKey()))
                .setValidatorUid(assignment.validatorUid())
                .setBucketPrefix(assignment.bucketPrefix())
                .putAllAdvice(assignment.advice())
                .build()
                .toByteString();
    }

    /** Parses an assignment; a malformed or inconsistent one fails naming the problem. */
    public static TrainingAssignment decode(ByteString bytes) {
        ModelProto.TrainingAssignment message;
        try {
            message = ModelProto.TrainingAssignment.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new WireFormatException(e, "assignment: not a TrainingAssignment message: %s", e.getMessage());
        }
        Checks.require(message.hasData(), "assignment.data");
        ModelProto.BucketAccess data = message.getData();
        try {
            return new TrainingAssignment(message.getRound(), message.getModelVersion(), message.getBooksList(),
                    message.getTsStartNs(), message.getTsEndNs(), message.getDataKeysList(),
                    new BucketAccess(data.getSource(), data.getEndpoint(), data.getBucket(), data.getAccessKey(),
                            data.getSecretKey()),
                    message.getValidatorUid(), message.getBucketPrefix(), message.getAdviceMap());
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e, "assignment: %s", e.getMessage());
        }
    }
}
