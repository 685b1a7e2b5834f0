package io.mvtrx.runtime.bittensor.keys.internal;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Keccak1600Test {

    @Test
    void permutingTheZeroStateGivesTheKeccakTeamsKnownAnswer() {
        long[] lanes = new long[25];
        Keccak1600.permute(lanes);
        // Keccak team's KeccakF-1600-IntermediateValues.txt, first output lanes of the all-zero state
        assertThat(lanes[0]).isEqualTo(0xF1258F7940E1DDE7L);
        assertThat(lanes[1]).isEqualTo(0x84D5CCF933C0478AL);
        assertThat(lanes[2]).isEqualTo(0xD598261EA65AA9EEL);
        assertThat(lanes[3]).isEqualTo(0xBD1547306F80494DL);
        assertThat(lanes[24]).isEqualTo(0xEAF1FF7B5CECA249L);
    }

    @Test
    void aSha3SpongeOverThePermutationMatchesTheJdkSha3ForEveryLengthAcrossThreeBlocks() throws Exception {
        MessageDigest jdk = MessageDigest.getInstance("SHA3-256");
        for (int length = 0; length <= 3 * 136 + 5; length++) {
            byte[] message = new byte[length];
            for (int i = 0; i < length; i++) {
                message[i] = (byte) (i * 31 + length);
            }
            assertThat(HexFormat.of().formatHex(sha3_256(message)))
                    .as("length %d", length)
                    .isEqualTo(HexFormat.of().formatHex(jdk.digest(message)));
        }
    }

    @Test
    void refusesAStateOfTheWrongSize() {
        assertThatThrownBy(() -> Keccak1600.permute(new byte[199]))
                .hasMessage("Keccak-f[1600] state must be 200 bytes, got 199");
    }

    private static byte[] sha3_256(byte[] message) {
        int rate = 136;
        byte[] state = new byte[200];
        int padded = (message.length / rate + 1) * rate;
        byte[] data = Arrays.copyOf(message, padded);
        data[message.length] ^= 0x06;
        data[padded - 1] ^= (byte) 0x80;
        for (int block = 0; block < padded; block += rate) {
            for (int i = 0; i < rate; i++) {
                state[i] ^= data[block + i];
            }
            Keccak1600.permute(state);
        }
        return Arrays.copyOf(state, 32);
    }
}
