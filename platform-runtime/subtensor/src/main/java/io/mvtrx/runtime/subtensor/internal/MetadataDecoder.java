package io.mvtrx.runtime.subtensor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes {@code RuntimeMetadataPrefixed} ({@code "meta"}, a version byte, the metadata) of versions 14 and 15, as
 * {@code state_getMetadata} and {@code Metadata_metadata_at_version} return it. Reads what {@link Metadata} keeps and
 * skips docs; stops after the extrinsic section (runtime APIs and outer enums of V15 are not needed).
 */
public final class MetadataDecoder {

    private static final int MAGIC = 0x6174656d; // "meta" little-endian

    private MetadataDecoder() {
    }

    /**
     * Decodes metadata bytes. Accepts the prefixed form, and the {@code Option<OpaqueMetadata>} wrapping of
     * {@code Metadata_metadata_at_version} ({@code 01}, a compact length, then the prefixed form).
     */
    public static Metadata decode(byte[] bytes) {
        ScaleReader in = new ScaleReader(bytes);
        if (bytes.length > 0 && bytes[0] == 1 && !startsWithMagic(bytes, 0)) {
            in.u8();
            int length = in.length();
            if (length != in.remaining()) {
                throw new ScaleException("metadata: wrapped length %d but %d bytes follow", length, in.remaining());
            }
        }
        long magic = in.u32();
        if (magic != MAGIC) {
            throw new ScaleException("metadata: missing the \"meta\" magic (found %08x)", magic);
        }
        int version = in.u8();
        if (version != 14 && version != 15) {
            throw new ScaleException("metadata version %d is not supported (14 and 15 are)", version);
        }
        Map<Integer, Metadata.TypeDef> types = types(in);
        int pallets = in.length();
        List<Metadata.Pallet> list = new ArrayList<>(pallets);
        for (int i = 0; i < pallets; i++) {
            list.add(pallet(in, version));
        }
        int extrinsicVersion;
        if (version == 14) {
            in.compact(); // extrinsic type
            extrinsicVersion = in.u8();
        } else {
            extrinsicVersion = in.u8();
            for (int i = 0; i < 4; i++) {
                in.compact(); // address, call, signature, extra types
            }
        }
        int extensions = in.length();
        List<Metadata.SignedExtension> signed = new ArrayList<>(extensions);
        for (int i = 0; i < extensions; i++) {
            signed.add(new Metadata.SignedExtension(in.string(), (int) in.compact(), (int) in.compact()));
        }
        return new Metadata(version, types, list, extrinsicVersion, signed);
    }

    private static boolean startsWithMagic(byte[] bytes, int at) {
        return bytes.length >= at + 4 && bytes[at] == 'm' && bytes[at + 1] == 'e' && bytes[at + 2] == 't'
                && bytes[at + 3] == 'a';
    }

    private static Map<Integer, Metadata.TypeDef> types(ScaleReader in) {
        int count = in.length();
        Map<Integer, Metadata.TypeDef> types = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            int id = (int) in.compact();
            skipStrings(in); // path
            int params = in.length();
            for (int p = 0; p < params; p++) {
                in.string();
                if (in.option()) {
                    in.compact();
                }
            }
            types.put(id, typeDef(in));
            skipStrings(in); // docs
        }
        return types;
    }

    private static Metadata.TypeDef typeDef(ScaleReader in) {
        int tag = in.u8();
        return switch (tag) {
            case 0 -> new Metadata.Composite(fields(in));
            case 1 -> {
                int n = in.length();
                List<Metadata.VariantDef> variants = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String name = in.string();
                    List<Metadata.Field> fields = fields(in);
                    int index = in.u8();
                    skipStrings(in);
                    variants.add(new Metadata.VariantDef(name, index, fields));
                }
                yield new Metadata.Variant(List.copyOf(variants));
            }
            case 2 -> new Metadata.Sequence((int) in.compact());
            case 3 -> new Metadata.Array(in.u32(), (int) in.compact());
            case 4 -> {
                int n = in.length();
                List<Integer> ids = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ids.add((int) in.compact());
                }
                yield new Metadata.Tuple(List.copyOf(ids));
            }
            case 5 -> new Metadata.Primitive(in.u8());
            case 6 -> new Metadata.Compact((int) in.compact());
            case 7 -> new Metadata.BitSequence((int) in.compact(), (int) in.compact());
            default -> throw new ScaleException("metadata: unknown type definition tag %d at offset %d", tag,
                    in.position() - 1);
        };
    }

    private static List<Metadata.Field> fields(ScaleReader in) {
        int n = in.length();
        List<Metadata.Field> fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Optional<String> name = in.option() ? Optional.of(in.string()) : Optional.empty();
            int type = (int) in.compact();
            Optional<String> typeName = in.option() ? Optional.of(in.string()) : Optional.empty();
            skipStrings(in);
            fields.add(new Metadata.Field(name, type, typeName));
        }
        return List.copyOf(fields);
    }

    private static Metadata.Pallet pallet(ScaleReader in, int version) {
        String name = in.string();
        Optional<String> prefix = Optional.empty();
        List<Metadata.StorageEntry> entries = new ArrayList<>();
        if (in.option()) {
            prefix = Optional.of(in.string());
            int n = in.length();
            for (int i = 0; i < n; i++) {
                entries.add(storageEntry(in));
            }
        }
        OptionalInt calls = in.option() ? OptionalInt.of((int) in.compact()) : OptionalInt.empty();
        if (in.option()) {
            in.compact(); // event type
        }
        int constantCount = in.length();
        List<Metadata.Constant> constants = new ArrayList<>(constantCount);
        for (int i = 0; i < constantCount; i++) {
            String constant = in.string();
            int type = (int) in.compact();
            byte[] value = in.bytes();
            skipStrings(in);
            constants.add(new Metadata.Constant(constant, type, value));
        }
        if (in.option()) {
            in.compact(); // error type
        }
        int index = in.u8();
        if (version >= 15) {
            skipStrings(in);
        }
        return new Metadata.Pallet(name, index, prefix, List.copyOf(entries), calls, List.copyOf(constants));
    }

    private static Metadata.StorageEntry storageEntry(ScaleReader in) {
        String name = in.string();
        int modifier = in.u8();
        int kind = in.u8();
        List<Metadata.Hasher> hashers = new ArrayList<>();
        OptionalInt key = OptionalInt.empty();
        int value;
        if (kind == 0) {
            value = (int) in.compact();
        } else if (kind == 1) {
            int n = in.length();
            for (int i = 0; i < n; i++) {
                int h = in.u8();
                if (h >= Metadata.Hasher.values().length) {
                    throw new ScaleException("metadata: storage %s has unknown hasher %d", name, h);
                }
                hashers.add(Metadata.Hasher.values()[h]);
            }
            key = OptionalInt.of((int) in.compact());
            value = (int) in.compact();
        } else {
            throw new ScaleException("metadata: storage %s has unknown entry kind %d", name, kind);
        }
        byte[] fallback = in.bytes();
        skipStrings(in);
        return new Metadata.StorageEntry(name, modifier == 0, List.copyOf(hashers), key, value, fallback);
    }

    private static void skipStrings(ScaleReader in) {
        int n = in.length();
        for (int i = 0; i < n; i++) {
            in.bytes();
        }
    }
}
