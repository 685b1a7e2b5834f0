package io.mvtrx.runtime.bittensor.keys.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BIP-39 English word list (2048 words, the file whose SHA-256 is
 * {@code 2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda}), read once from the module's resource
 * {@code bip39-english.txt}. Immutable and thread-safe.
 */
public final class Bip39Words {

    /** Number of words. */
    public static final int SIZE = 2048;

    private static final List<String> WORDS = load();
    private static final Map<String, Integer> INDEX = index(WORDS);

    private Bip39Words() {
    }

    /** The word at {@code index} (0..2047). */
    public static String word(int index) {
        return WORDS.get(index);
    }

    /** The index of {@code word}, or -1 when it is not in the list. */
    public static int indexOf(String word) {
        return INDEX.getOrDefault(word, -1);
    }

    /** All words in list order. */
    public static List<String> all() {
        return WORDS;
    }

    private static List<String> load() {
        try (InputStream in = Bip39Words.class.getResourceAsStream("bip39-english.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource bip39-english.txt is missing from the module");
            }
            List<String> words = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (words.size() != SIZE) {
                throw new IllegalStateException("bip39-english.txt has " + words.size() + " words, expected 2048");
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bip39-english.txt", e);
        }
    }

    private static Map<String, Integer> index(List<String> words) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            index.put(words.get(i), i);
        }
        return Map.copyOf(index);
    }
}
