package io.mvtrx.runtime.bittensor.keys;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ss58Test {

    private static final byte[] K3 = HexFormat.of().parseHex(
            "e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446");

    @Test
    void everyPrefixRoundTripsIncludingTheTwoByteForm() {
        for (int prefix : new int[] {0, 2, 42, 63, 64, 255, 1284, 16383}) {
            String address = Ss58.encode(K3, prefix);
            Ss58Address decoded = Ss58.decode(address);
            assertThat(decoded.prefix()).as("prefix %d", prefix).isEqualTo(prefix);
            assertThat(decoded.publicKey()).isEqualTo(K3);
        }
    }

    @Test
    void twoBytePrefixesEncodeAsSubstrateDoes() {
        // first byte 01 and the upper six bits of the low byte; second byte the low two bits, then the high byte
        // 64 = 0x0040 -> 0x50 0x00
        assertThat(Base58Bytes.of(Ss58.encode(K3, 64))).startsWith("5000");
        // 1284 = 0x0504 -> 0x41 0x05
        assertThat(Base58Bytes.of(Ss58.encode(K3, 1284))).startsWith("4105");
        // 16383 = 0x3fff -> 0x7f 0xff
        assertThat(Base58Bytes.of(Ss58.encode(K3, 16383))).startsWith("7fff");
    }

    @Test
    void aChangedCharacterFailsTheChecksum() {
        String address = "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX";
        assertThatThrownBy(() -> Ss58.decode(address.replace("BsX", "BsY")))
                .hasMessage("'5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsY' is not a valid SS58 address:"
                        + " checksum mismatch");
    }

    @Test
    void rejectsNonBase58WrongLengthsAndForeignPrefixes() {
        assertThatThrownBy(() -> Ss58.decode("5HDvhV6W0"))
                .hasMessage("'5HDvhV6W0' is not an SS58 address: character '0' at position 9 is not base58");
        assertThatThrownBy(() -> Ss58.decode("5HDvhV6W"))
                .hasMessageContaining("is not an SS58 address of a 32-byte account");
        assertThatThrownBy(() -> Ss58.decodeBittensor("16ADqpMa4yzfmWs3nuTSMhfZ2ckeGtvqhPWCNqECEGDcGgU2"))
                .hasMessage("'16ADqpMa4yzfmWs3nuTSMhfZ2ckeGtvqhPWCNqECEGDcGgU2' has SS58 prefix 0; Bittensor"
                        + " addresses use 42");
        assertThatThrownBy(() -> Ss58.encode(new byte[31]))
                .hasMessage("an SS58 account id must be 32 bytes, got 31");
    }

    /** Hex of an address's decoded bytes. */
    private static final class Base58Bytes {
        static String of(String address) {
            return HexFormat.of().formatHex(io.mvtrx.runtime.bittensor.keys.internal.Base58.decode(address));
        }
    }
}
