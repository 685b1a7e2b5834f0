package io.mvtrx.runtime.bittensor.keys.wallet;

import io.mvtrx.runtime.bittensor.keys.internal.AnsibleVault;
import io.mvtrx.runtime.bittensor.keys.internal.LegacyFernet;
import io.mvtrx.runtime.bittensor.keys.internal.NaclKeyfileCipher;

/** How a btwallet keyfile is stored, told apart by its first bytes as btwallet does. */
public enum KeyfileEncryption {
    /** Plain JSON: hotkeys and {@code coldkeypub.txt} usually. */
    NONE("unencrypted"),
    /** {@code $NACL}: Argon2i (512 MiB) + XSalsa20-Poly1305; what btwallet writes today. Read and written. */
    NACL("NaCl"),
    /** {@code $ANSIBLE_VAULT}: legacy, read only. */
    ANSIBLE_VAULT("Ansible Vault"),
    /** {@code gAAAAA}: the oldest Fernet format, read only. */
    LEGACY_FERNET("legacy");

    private final String label;

    KeyfileEncryption(String label) {
        this.label = label;
    }

    /** The name btwallet prints for the method. */
    public String label() {
        return label;
    }

    /** Whether a password is needed to read it. */
    public boolean encrypted() {
        return this != NONE;
    }

    /** The format of keyfile bytes (NONE for anything without an encryption marker). */
    public static KeyfileEncryption detect(byte[] data) {
        if (NaclKeyfileCipher.isNacl(data)) {
            return NACL;
        }
        if (AnsibleVault.isVault(data)) {
            return ANSIBLE_VAULT;
        }
        if (LegacyFernet.isFernet(data)) {
            return LEGACY_FERNET;
        }
        return NONE;
    }
}
