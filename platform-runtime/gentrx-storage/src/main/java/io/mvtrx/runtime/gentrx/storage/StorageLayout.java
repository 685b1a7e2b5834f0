package io.mvtrx.runtime.gentrx.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mvtrx.api.spi.storage.StorageKeys;

/**
 * Every GenTRX object key, built in one place exactly as the reference lays them out (gentrx.md §3.5). Every key
 * starts with the shard prefix {@code gentrx/<network>/<mode>/}:
 *
 * <table>
 * <caption>Keys under the shard prefix</caption>
 * <tr><th>bucket</th><th>key</th><th>method</th></tr>
 * <tr><td>validator</td><td>{@code checkpoints/<vuid>/v{version:05d}.pt}</td><td>{@link #checkpoint}</td></tr>
 * <tr><td>validator</td><td>{@code checkpoints/<vuid>/latest.json} (points at the latest full checkpoint)</td>
 *     <td>{@link #latestCheckpoint}</td></tr>
 * <tr><td>validator</td><td>{@code checkpoints/<vuid>/head.json} (the current version)</td><td>{@link #head}</td></tr>
 * <tr><td>validator</td><td>{@code deltas/<vuid>/v{version:05d}.grad} (takes v-1 to v)</td><td>{@link #delta}</td></tr>
 * <tr><td>validator</td><td>{@code proposals/<vuid>/{round:08d}.grad}</td><td>{@link #proposal}</td></tr>
 * <tr><td>validator</td><td>{@code data/<vuid>/<book>/intervals/<page>.parquet}</td><td>{@link #page}</td></tr>
 * <tr><td>validator</td><td>{@code data/<vuid>/.sim_id}</td><td>{@link #simMarker}</td></tr>
 * <tr><td>miner</td><td>{@code gradients/<muid>/{round:08d}.grad}</td><td>{@link #gradient}</td></tr>
 * </table>
 *
 * The reference prunes "the newest N by lexical key order"; {@link #toPrune} orders by the number in the name
 * instead, because {@code v{version:05d}} widens to six digits at version 100,000 (about a year of rounds at one
 * version per round) and {@code v100000} sorts before {@code v99999} as text. The keys themselves are unchanged.
 *
 * <p>Immutable; safe from any thread. Every method validates its arguments and names the one at fault.
 *
 * {@snippet :
 * StorageLayout layout = new StorageLayout(GentrxNetwork.TESTNET, GentrxMode.SIMULATION);
 * layout.gradient(12, 1234);   // "gentrx/testnet/simulation/gradients/12/00001234.grad"
 * layout.checkpoint(0, 6);     // "gentrx/testnet/simulation/checkpoints/0/v00006.pt"
 * }
 *
 * @param network the network shard
 * @param mode    the market mode
 */
public record StorageLayout(GentrxNetwork network, GentrxMode mode) {

    /** First segment of every key. */
    public static final String ROOT = "gentrx";

    /** Checkpoints, their pointers and the head, per validator uid. */
    public static final String CHECKPOINTS = "checkpoints";
    /** Canonical version deltas, per validator uid. */
    public static final String DELTAS = "deltas";
    /** Each validator's local aggregate per round. */
    public static final String PROPOSALS = "proposals";
    /** Training pages and the simulation marker, per validator uid. */
    public static final String DATA = "data";
    /** Miners' compressed gradients per round, per miner uid. */
    public static final String GRADIENTS = "gradients";

    /** Pointer to the latest full checkpoint. */
    public static final String LATEST_POINTER = "latest.json";
    /** Pointer to the current version. */
    public static final String HEAD_POINTER = "head.json";
    /** UTF-8 id of the simulation the pages under {@code data/<vuid>/} come from. */
    public static final String SIM_MARKER = ".sim_id";
    /** Folder between a book and its pages. */
    public static final String INTERVALS = "intervals";
    /** Extension of full checkpoints. */
    public static final String CHECKPOINT_EXTENSION = ".pt";
    /** Extension of gradients, proposals and deltas. */
    public static final String GRADIENT_EXTENSION = ".grad";

    /** Full checkpoints kept per validator ({@code --keep-checkpoints}). */
    public static final int KEEP_CHECKPOINTS = 10;
    /** Proposals kept per validator ({@code --keep-proposals}). */
    public static final int KEEP_PROPOSALS = 10;
    /** Version deltas kept per validator ({@code --keep-version-deltas}). */
    public static final int KEEP_DELTAS = 24;
    /** Gradients a miner keeps ({@code gtx_keep_gradients}; 0 disables pruning). */
    public static final int KEEP_GRADIENTS = 50;

    private static final Pattern NUMBERED = Pattern.compile("v?([0-9]+)\\.(?:pt|grad)");

    public StorageLayout {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * The layout a shard prefix names, as assignments carry it ({@code bucket_prefix}).
     *
     * @throws IllegalArgumentException unless the prefix is {@code gentrx/<network>/<mode>/} with known names
     */
    public static StorageLayout parse(String prefix) {
        String[] parts = prefix.split("/", -1);
        if (parts.length != 4 || !parts[0].equals(ROOT) || !parts[3].isEmpty()) {
            throw new IllegalArgumentException(String.format(
                    "'%s' is not a GenTRX shard prefix (gentrx/<network>/<mode>/)", prefix));
        }
        try {
            return new StorageLayout(GentrxNetwork.of(parts[1]), GentrxMode.of(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format("'%s': %s", prefix, e.getMessage()), e);
        }
    }

    /** {@code gentrx/<network>/<mode>/}. */
    public String prefix() {
        return ROOT + "/" + network.segment() + "/" + mode.segment() + "/";
    }

    /** The full key of a key relative to the shard (assignments carry relative data keys). */
    public String full(String relativeKey) {
        StorageKeys.checkKey(relativeKey);
        return prefix() + relativeKey;
    }

    /**
     * The key relative to the shard.
     *
     * @throws IllegalArgumentException if the key is not under this shard
     */
    public String relative(String fullKey) {
        if (!fullKey.startsWith(prefix()) || fullKey.length() == prefix().length()) {
            throw new IllegalArgumentException(String.format("'%s' is not a key under %s", fullKey, prefix()));
        }
        return fullKey.substring(prefix().length());
    }

    /** {@code checkpoints/<vuid>/}: a validator's checkpoints and pointers. */
    public String checkpoints(int validatorUid) {
        return folder(CHECKPOINTS, uid("validatorUid", validatorUid));
    }

    /** {@code checkpoints/<vuid>/v{version:05d}.pt}. */
    public String checkpoint(int validatorUid, long version) {
        return checkpoints(validatorUid) + String.format("v%05d", nonNegative("version", version))
                + CHECKPOINT_EXTENSION;
    }

    /** {@code checkpoints/<vuid>/latest.json}. */
    public String latestCheckpoint(int validatorUid) {
        return checkpoints(validatorUid) + LATEST_POINTER;
    }

    /** {@code checkpoints/<vuid>/head.json}. */
    public String head(int validatorUid) {
        return checkpoints(validatorUid) + HEAD_POINTER;
    }

    /** {@code deltas/<vuid>/}. */
    public String deltas(int validatorUid) {
        return folder(DELTAS, uid("validatorUid", validatorUid));
    }

    /** {@code deltas/<vuid>/v{version:05d}.grad}: the canonical delta taking version - 1 to version. */
    public String delta(int validatorUid, long version) {
        return deltas(validatorUid) + String.format("v%05d", nonNegative("version", version)) + GRADIENT_EXTENSION;
    }

    /** {@code proposals/<vuid>/}. */
    public String proposals(int validatorUid) {
        return folder(PROPOSALS, uid("validatorUid", validatorUid));
    }

    /** {@code proposals/<vuid>/{round:08d}.grad}: a validator's local aggregate of a round. */
    public String proposal(int validatorUid, long round) {
        return proposals(validatorUid) + String.format("%08d", nonNegative("round", round)) + GRADIENT_EXTENSION;
    }

    /** {@code data/<vuid>/}: everything wiped when a simulation ends. */
    public String data(int validatorUid) {
        return folder(DATA, uid("validatorUid", validatorUid));
    }

    /** {@code data/<vuid>/.sim_id}. */
    public String simMarker(int validatorUid) {
        return data(validatorUid) + SIM_MARKER;
    }

    /** {@code data/<vuid>/<book>/intervals/}: one book's pages. */
    public String pages(int validatorUid, String book) {
        return data(validatorUid) + book(book) + "/" + INTERVALS + "/";
    }

    /** {@code data/<vuid>/<book>/intervals/<page>.parquet}. */
    public String page(int validatorUid, String book, PageName page) {
        return pages(validatorUid, book) + page.fileName();
    }

    /** {@code gradients/<muid>/}: a miner's gradients. */
    public String gradients(int minerUid) {
        return folder(GRADIENTS, uid("minerUid", minerUid));
    }

    /** {@code gradients/<muid>/{round:08d}.grad}. */
    public String gradient(int minerUid, long round) {
        return gradients(minerUid) + String.format("%08d", nonNegative("round", round)) + GRADIENT_EXTENSION;
    }

    /**
     * The version or round in a checkpoint, delta, proposal or gradient key ({@code v00012.pt} gives 12,
     * {@code 00001234.grad} gives 1234), or empty for any other key (pointers, pages, markers).
     */
    public static OptionalLong number(String key) {
        Matcher matcher = NUMBERED.matcher(key.substring(key.lastIndexOf('/') + 1));
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(matcher.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The keys to delete so that only the newest {@code keep} numbered objects remain, oldest first. Keys without a
     * number ({@code latest.json}, {@code head.json}) are never pruned. Newest means the highest number, not the
     * last key as text.
     *
     * @param keys keys listed under one folder, e.g. {@link #deltas(int)}
     * @param keep how many to keep; 0 keeps everything (pruning off)
     */
    public static List<String> toPrune(List<String> keys, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException(String.format("keep must not be negative, got %d", keep));
        }
        if (keep == 0) {
            return List.of();
        }
        List<String> numbered = new ArrayList<>();
        for (String key : keys) {
            if (number(key).isPresent()) {
                numbered.add(key);
            }
        }
        numbered.sort(Comparator.comparingLong((String key) -> number(key).getAsLong())
                .thenComparing(Comparator.naturalOrder()));
        return numbered.size() <= keep ? List.of() : List.copyOf(numbered.subList(0, numbered.size() - keep));
    }

    private String folder(String kind, int uid) {
        return prefix() + kind + "/" + uid + "/";
    }

    private static int uid(String name, int uid) {
        if (uid < 0) {
            throw new IllegalArgumentException(String.format("%s must not be negative, got %d", name, uid));
        }
        return uid;
    }

    private static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(String.format("%s must not be negative, got %d", name, value));
        }
        return value;
    }

    private static String book(String book) {
        if (book == null || book.isEmpty() || book.contains("/")) {
            throw new IllegalArgumentException(String.format("book must be one non-empty key segment, got '%s'",
                    book));
        }
        StorageKeys.checkKey(book);
        return book;
    }
}
