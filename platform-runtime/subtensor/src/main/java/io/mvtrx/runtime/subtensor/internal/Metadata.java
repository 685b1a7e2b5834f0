package io.mvtrx.runtime.subtensor.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The parts of a runtime's metadata (V14 or V15) a client needs: types, pallets with their calls, storage items and
 * constants, and the signed extensions of extrinsics. Immutable.
 *
 * @param version          14 or 15
 * @param types            the portable type registry by id
 * @param pallets          pallets in metadata order
 * @param extrinsicVersion the extrinsic format version (4)
 * @param signedExtensions signed extensions in the order their bytes appear
 */
public record Metadata(int version, Map<Integer, TypeDef> types, List<Pallet> pallets, int extrinsicVersion,
                       List<SignedExtension> signedExtensions) {

    public Metadata {
        types = Map.copyOf(types);
        pallets = List.copyOf(pallets);
        signedExtensions = List.copyOf(signedExtensions);
    }

    /** A type definition of the registry. */
    public sealed interface TypeDef {
    }

    /** A struct. */
    public record Composite(List<Field> fields) implements TypeDef {
    }

    /** An enum. */
    public record Variant(List<VariantDef> variants) implements TypeDef {
    }

    /** {@code Vec<T>}. */
    public record Sequence(int type) implements TypeDef {
    }

    /** {@code [T; len]}. */
    public record Array(long length, int type) implements TypeDef {
    }

    /** {@code (A, B, …)}. */
    public record Tuple(List<Integer> types) implements TypeDef {
    }

    /** A primitive: 0 bool, 1 char, 2 str, 3 u8, 4 u16, 5 u32, 6 u64, 7 u128, 8 u256, 9–13 i8…i256. */
    public record Primitive(int kind) implements TypeDef {
    }

    /** {@code Compact<T>}. */
    public record Compact(int type) implements TypeDef {
    }

    /** A bit vector. */
    public record BitSequence(int storeType, int orderType) implements TypeDef {
    }

    /** A struct field or call argument. */
    public record Field(Optional<String> name, int type, Optional<String> typeName) {
    }

    /** An enum variant (for calls: one call). */
    public record VariantDef(String name, int index, List<Field> fields) {
    }

    /** How a storage map hashes a key. */
    public enum Hasher {
        BLAKE2_128, BLAKE2_256, BLAKE2_128_CONCAT, TWOX_128, TWOX_256, TWOX_64_CONCAT, IDENTITY
    }

    /**
     * A storage item.
     *
     * @param keyType      the key type of a map (a tuple for several hashers), empty for a plain value
     * @param defaultValue the SCALE value read when nothing is stored
     */
    public record StorageEntry(String name, boolean optional, List<Hasher> hashers, OptionalInt keyType,
                               int valueType, byte[] defaultValue) {
    }

    /** A pallet constant. */
    public record Constant(String name, int type, byte[] value) {
    }

    /** A pallet. */
    public record Pallet(String name, int index, Optional<String> storagePrefix, List<StorageEntry> storage,
                         OptionalInt callsType, List<Constant> constants) {
    }

    /** A signed extension: its explicit part ({@code type}) and the implicit part it signs. */
    public record SignedExtension(String identifier, int type, int additionalSigned) {
    }

    /** Indices of one call and its argument names. */
    public record CallIndex(String pallet, String call, int palletIndex, int callIndex, List<String> arguments) {
    }

    public Optional<Pallet> pallet(String name) {
        return pallets.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The call {@code pallet.call}, if this runtime has it. */
    public Optional<CallIndex> call(String palletName, String callName) {
        Optional<Pallet> pallet = pallet(palletName);
        if (pallet.isEmpty() || pallet.get().callsType().isEmpty()) {
            return Optional.empty();
        }
        if (!(types.get(pallet.get().callsType().getAsInt()) instanceof Variant calls)) {
            return Optional.empty();
        }
        for (VariantDef v : calls.variants()) {
            if (v.name().equals(callName)) {
                List<String> names = new ArrayList<>();
                v.fields().forEach(f -> names.add(f.name().orElse("")));
                return Optional.of(new CallIndex(palletName, callName, pallet.get().index(), v.index(),
                        List.copyOf(names)));
            }
        }
        return Optional.empty();
    }

    public Optional<StorageEntry> storage(String palletName, String item) {
        return pallet(palletName).flatMap(p -> p.storage().stream().filter(e -> e.name().equals(item)).findFirst());
    }

    public Optional<Constant> constant(String palletName, String name) {
        return pallet(palletName).flatMap(p -> p.constants().stream().filter(c -> c.name().equals(name)).findFirst());
    }

    /** Whether values of type {@code id} encode to no bytes at all ({@code ()}, empty structs, zero-length arrays). */
    public boolean isEmpty(int id) {
        return isEmpty(id, new HashSet<>());
    }

    private boolean isEmpty(int id, Set<Integer> seen) {
        if (!seen.add(id)) {
            return false;
        }
        TypeDef def = types.get(id);
        return switch (def) {
            case Composite c -> c.fields().stream().allMatch(f -> isEmpty(f.type(), seen));
            case Tuple t -> t.types().stream().allMatch(x -> isEmpty(x, seen));
            case Array a -> a.length() == 0 || isEmpty(a.type(), seen);
            case null -> false;
            default -> false;
        };
    }

    /** Pallet names to indices, for messages. */
    public Map<String, Integer> palletIndices() {
        Map<String, Integer> out = new LinkedHashMap<>();
        pallets.forEach(p -> out.put(p.name(), p.index()));
        return out;
    }
}
