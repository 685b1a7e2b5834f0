package io.mvtrx.runtime.bittensor.keys;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MnemonicTest {

    @Test
    void bip39ReferenceEntropiesGiveTheReferencePhrases() {
        // the first vectors of trezor/python-mnemonic's vectors.json (English)
        assertThat(phrase("00000000000000000000000000000000")).isEqualTo(
                "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
        assertThat(phrase("7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f")).isEqualTo(
                "legal winner thank year wave sausage worth useful legal winner thank yellow");
        assertThat(phrase("80808080808080808080808080808080")).isEqualTo(
                "letter advice cage absurd amount doctor acoustic avoid letter advice cage above");
        assertThat(phrase("ffffffffffffffffffffffffffffffff")).isEqualTo(
                "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong");
        assertThat(phrase("0000000000000000000000000000000000000000000000000000000000000000")).isEqualTo(
                "abandon ".repeat(23) + "art");
    }

    @Test
    void generatedPhrasesParseBackToTheirEntropy() {
        SecureRandom random = new SecureRandom();
        for (int words : new int[] {12, 15, 18, 21, 24}) {
            Mnemonic generated = Mnemonic.generate(words, random);
            Mnemonic parsed = Mnemonic.parse(generated.phrase());
            assertThat(parsed.wordCount()).isEqualTo(words);
            assertThat(parsed.entropy()).isEqualTo(generated.entropy()).hasSize(words * 4 / 3);
        }
    }

    @Test
    void extraWhiteSpaceIsIgnored() {
        assertThat(Mnemonic.parse("  old leopard transfer rib spatial phone\tcalm indicate online fire caution"
                + "\n review ").phrase())
                .isEqualTo("old leopard transfer rib spatial phone calm indicate online fire caution review");
    }

    @Test
    void rejectsUnknownWordsBadChecksumsAndOddLengths() {
        assertThatThrownBy(() -> Mnemonic.parse("old leopard transfer rib spatial phone calm indicate online fire"
                + " caution reviewx"))
                .hasMessage("mnemonic word 12 ('reviewx') is not in the BIP-39 English word list");
        assertThatThrownBy(() -> Mnemonic.parse("leopard old transfer rib spatial phone calm indicate online fire"
                + " caution review"))
                .hasMessage("mnemonic checksum does not match: a word is wrong or out of order");
        assertThatThrownBy(() -> Mnemonic.parse("abandon abandon abandon"))
                .hasMessage("a mnemonic has 12, 15, 18, 21 or 24 words, got 3");
        assertThatThrownBy(() -> Mnemonic.parse(""))
                .hasMessage("a mnemonic has 12, 15, 18, 21 or 24 words, got 0");
    }

    @Test
    void thePassphraseChangesTheMiniSecret() {
        Mnemonic m = Mnemonic.parse(Sr25519Keypair.DEV_PHRASE);
        assertThat(HexFormat.of().formatHex(m.miniSecret("")))
                .isEqualTo("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
        assertThat(m.miniSecret("pw")).isNotEqualTo(m.miniSecret(""));
    }

    private static String phrase(String entropyHex) {
        return Mnemonic.fromEntropy(HexFormat.of().parseHex(entropyHex)).phrase();
    }
}
