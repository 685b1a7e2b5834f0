package io.mvtrx.runtime.bittensor.keys.wallet;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Supplies the password of an encrypted keyfile, asked only when the file turns out to be encrypted (so reading a
 * plain hotkey never prompts).
 */
@FunctionalInterface
public interface PasswordSource {

    /** The password for {@code file}, or empty when none is available. */
    Optional<String> password(Path file, KeyfileEncryption encryption);

    /** No password: reading an encrypted file fails with {@link KeyfileException.Reason#PASSWORD_REQUIRED}. */
    static PasswordSource none() {
        return (file, encryption) -> Optional.empty();
    }

    /** The same password for every file. */
    static PasswordSource of(String password) {
        return (file, encryption) -> Optional.of(password);
    }

    /** This source, else the other one. */
    default PasswordSource orElse(PasswordSource other) {
        return (file, encryption) -> password(file, encryption).or(() -> other.password(file, encryption));
    }
}
