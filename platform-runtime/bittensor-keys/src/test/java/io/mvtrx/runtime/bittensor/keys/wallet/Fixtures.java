package io.mvtrx.runtime.bittensor.keys.wallet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The keyfiles written by {@code make_fixtures.py} (PyNaCl/libsodium, ansible-core, python-cryptography). */
final class Fixtures {

    /** The password of every encrypted fixture. */
    static final String PASSWORD = "correct horse battery staple";
    /** K3 of bittensor.md section 2.3: the key inside every fixture. */
    static final String K3_ADDRESS = "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX";
    static final String K3_PHRASE = "old leopard transfer rib spatial phone calm indicate online fire caution review";

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
