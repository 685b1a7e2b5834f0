package io.mvtrx.runtime.bittensor.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.mvtrx.runtime.bittensor.keys.internal.Bip39Words;
import io.mvtrx.runtime.bittensor.keys.internal.Digests;

/**
 * A BIP-39 English mnemonic as Substrate uses it (substrate-bip39): the words carry entropy, and the mini secret is
 * {@code PBKDF2-HMAC-SHA512(password = entropy, salt = "mnemonic" + passphrase, 2048)[0..32]} — not the standard
 * BIP-39 seed, which hashes the words themselves.
 *
 * <p>Immutable and thread-safe. {@link #toString()} does not print the words.
 */
public final class Mnemonic {

    /** Word counts BIP-39 defines (128 to 256 bits of entropy). */
    public static final Set<Integer> WORD_COUNTS = Set.of(12, 15, 18, 21, 24);

    private final List<String> words;
    private final byte[] entropy;

    private Mnemonic(List<String> words, byte[] entropy) {
        this.words = List.copyOf(words);
        this.entropy = entropy;
    }

    /**
     * Parses and checks a phrase: NFKD-normalised, words separated by white space, every word in the English list,
     * the checksum right.
     */
    public static Mnemonic parse(String phrase) {
        String normalized = Normalizer.normalize(phrase, Normalizer.Form.NFKD).strip();
        List<String> words = normalized.isEmpty() ? List.of() : List.of(normalized.split("\\s+"));
        if (!WORD_COUNTS.contains(words.size())) {
            throw new KeyException("a mnemonic has 12, 15, 18, 21 or 24 words, got %d", words.size());
        }
        int bits = words.size() * 11;
        int checksumBits = bits / 33;
        int entropyBits = bits - checksumBits;
        boolean[] stream = new boolean[bits];
        for (int w = 0; w < words.size(); w++) {
            int index = Bip39Words.indexOf(words.get(w));
            if (index < 0) {
                throw new KeyException("mnemonic word %d ('%s') is not in the BIP-39 English word list", w + 1,
                        words.get(w));
            }
            for (int b = 0; b < 11; b++) {
                stream[w * 11 + b] = (index & (1 << (10 - b))) != 0;
            }
        }
        byte[] entropy = new byte[entropyBits / 8];
        for (int i = 0; i < entropyBits; i++) {
            if (stream[i]) {
                entropy[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        byte[] hash = sha256(entropy);
        for (int i = 0; i < checksumBits; i++) {
            boolean expected = (hash[i / 8] & (0x80 >>> (i % 8))) != 0;
            if (stream[entropyBits + i] != expected) {
                throw new KeyException("mnemonic checksum does not match: a word is wrong or out of order");
            }
        }
        return new Mnemonic(words, entropy);
    }

    /** The phrase of 16, 20, 24, 28 or 32 bytes of entropy. */
    public static Mnemonic fromEntropy(byte[] entropy) {
        if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
            throw new KeyException("mnemonic entropy must be 16, 20, 24, 28 or 32 bytes, got %d", entropy.length);
        }
        int entropyBits = entropy.length * 8;
        int checksumBits = entropyBits / 32;
        byte[] hash = sha256(entropy);
        List<String> words = new ArrayList<>();
        for (int w = 0; w < (entropyBits + checksumBits) / 11; w++) {
            int index = 0;
            for (int b = 0; b < 11; b++) {
                int bit = w * 11 + b;
                boolean set = bit < entropyBits
                        ? (entropy[bit / 8] & (0x80 >>> (bit % 8))) != 0
                        : (hash[(bit - entropyBits) / 8] & (0x80 >>> ((bit - entropyBits) % 8))) != 0;
                index = (index << 1) | (set ? 1 : 0);
            }
            words.add(Bip39Words.word(index));
        }
        return new Mnemonic(words, entropy.clone());
    }

    /** A new random phrase of {@code wordCount} words. */
    public static Mnemonic generate(int wordCount, SecureRandom random) {
        if (!WORD_COUNTS.contains(wordCount)) {
            throw new KeyException("a mnemonic has 12, 15, 18, 21 or 24 words, got %d", wordCount);
        }
        byte[] entropy = new byte[wordCount * 4 / 3];
        random.nextBytes(entropy);
        try {
            return fromEntropy(entropy);
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
    }

    /** The words joined by single spaces. */
    public String phrase() {
        return String.join(" ", words);
    }

    /** Number of words. */
    public int wordCount() {
        return words.size();
    }

    /** The entropy the words encode. */
    public byte[] entropy() {
        return entropy.clone();
    }

    /** The 32-byte mini secret for a passphrase ("" for none), as substrate-bip39 derives it. */
    public byte[] miniSecret(String passphrase) {
        byte[] salt = ("mnemonic" + passphrase).getBytes(StandardCharsets.UTF_8);
        byte[] seed = Digests.pbkdf2("HmacSHA512", entropy, salt, 2048, 64);
        try {
            return Arrays.copyOf(seed, 32);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mnemonic m && MessageDigest.isEqual(m.entropy, entropy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(entropy);
    }

    @Override
    public String toString() {
        return "Mnemonic[" + words.size() + " words]";
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
