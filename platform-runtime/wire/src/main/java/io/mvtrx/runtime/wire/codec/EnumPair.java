package io.mvtrx.runtime.wire.codec;

import java.lang.reflect.Array;
import java.util.Optional;

import com.google.protobuf.ProtocolMessageEnum;

/**
 * One api enum and its protobuf twin, matched by name: the wire constant is {@code prefix + apiName}, and wire
 * number 0 ({@code *_UNSPECIFIED}) has no api value. Lookups are array reads; a name without a twin fails class
 * initialisation, so a mismatch cannot reach run time unnoticed.
 *
 * <p>Immutable and thread-safe.
 */
final class EnumPair<A extends Enum<A>, P extends Enum<P> & ProtocolMessageEnum> {

    private final String wireName;
    private final P[] wire;
    private final A[] api;
    /** Wire numbers by api ordinal: an array read, not an interface call per value on the writers' hot path. */
    private final int[] numbers;

    @SuppressWarnings("unchecked")
    EnumPair(Class<A> apiType, Class<P> wireType, String prefix) {
        A[] apiValues = apiType.getEnumConstants();
        this.wireName = wireType.getSimpleName();
        this.wire = (P[]) Array.newInstance(wireType, apiValues.length);
        int maxNumber = 0;
        for (A value : apiValues) {
            P twin = Enum.valueOf(wireType, prefix + value.name());
            wire[value.ordinal()] = twin;
            maxNumber = Math.max(maxNumber, twin.getNumber());
        }
        this.numbers = new int[apiValues.length];
        for (A value : apiValues) {
            numbers[value.ordinal()] = wire[value.ordinal()].getNumber();
        }
        this.api = (A[]) Array.newInstance(apiType, maxNumber + 1);
        for (A value : apiValues) {
            api[wire[value.ordinal()].getNumber()] = value;
        }
    }

    P encode(A value) {
        return wire[value.ordinal()];
    }

    /** The wire number of an api value, for writers that bypass the generated messages. */
    int number(A value) {
        return numbers[value.ordinal()];
    }

    /** The api value of a wire number; 0 and unknown numbers are refused, naming {@code field}. */
    A decode(int number, String field) {
        if (number <= 0 || number >= api.length || api[number] == null) {
            throw new WireFormatException("field '%s': %s value %d is %s", field, wireName, number,
                    number == 0 ? "unset" : "unknown");
        }
        return api[number];
    }

    /** As {@link #decode}, with 0 read as absent. */
    Optional<A> decodeOptional(int number, String field) {
        return number == 0 ? Optional.empty() : Optional.of(decode(number, field));
    }

    /** The wire constant for an optional api value: UNSPECIFIED (number 0) when absent. */
    P encodeOptional(Optional<A> value, P unspecified) {
        return value.map(this::encode).orElse(unspecified);
    }
}
