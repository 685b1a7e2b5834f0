package io.mvtrx.runtime.bittensor.keys.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MerlinTranscriptTest {

    @Test
    void strobeConformanceVectorOfMerlin() {
        // merlin strobe.rs test_conformance, checked there against strobe-rs
        Strobe128 s = Strobe128.create(bytes("Conformance Test Protocol"));
        byte[] msg = new byte[1024];
        Arrays.fill(msg, (byte) 99);
        s.metaAd(bytes("ms"), false);
        s.metaAd(bytes("g"), true);
        s.ad(msg, false);
        byte[] prf = new byte[32];
        s.metaAd(bytes("prf"), false);
        s.prf(prf, false);
        assertThat(hex(prf)).isEqualTo("b48e645ca17c667fd5206ba57a6a228d72d8e1903814d3f17f622996d7cfefb0");
        s.metaAd(bytes("key"), false);
        s.key(prf, false);
        byte[] prf2 = new byte[32];
        s.metaAd(bytes("prf"), false);
        s.prf(prf2, false);
        assertThat(hex(prf2)).isEqualTo("07e45cce8078cee259e3e375bb85d75610e2d1e1201c5f645045a194edd49ff8");
    }

    @Test
    void simpleTranscriptVector() {
        MerlinTranscript t = MerlinTranscript.create("test protocol");
        t.appendMessage("some label", bytes("some data"));
        assertThat(hex(t.challengeBytes("challenge", 32)))
                .isEqualTo("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615");
    }

    @Test
    void complexTranscriptVectorCrossesManyBlocks() {
        MerlinTranscript t = MerlinTranscript.create("test protocol");
        t.appendMessage("step1", bytes("some data"));
        byte[] data = new byte[1024];
        Arrays.fill(data, (byte) 99);
        byte[] challenge = null;
        for (int i = 0; i < 32; i++) {
            challenge = t.challengeBytes("challenge", 32);
            t.appendMessage("bigdata", data);
            t.appendMessage("challengedata", challenge);
        }
        assertThat(hex(challenge)).isEqualTo("a8c933f54fae76e3f9bea93648c1308e7dfa2152dd51674ff3ca438351cf003c");
    }

    @Test
    void aCopyEvolvesIndependently() {
        MerlinTranscript t = MerlinTranscript.create("p");
        MerlinTranscript u = t.copy();
        t.appendMessage("l", bytes("x"));
        u.appendMessage("l", bytes("x"));
        assertThat(t.copy().challengeBytes("c", 16)).isEqualTo(u.copy().challengeBytes("c", 16));
        t.appendMessage("l", bytes("y"));
        assertThat(t.challengeBytes("c", 16)).isNotEqualTo(u.challengeBytes("c", 16));
    }

    @Test
    void theRngDependsOnWitnessAndRandomness() {
        MerlinTranscript t = MerlinTranscript.create("rng");
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        byte[] c = new byte[32];
        t.buildRng().rekeyWithWitnessBytes("w", bytes("secret")).finish(new byte[32]).fillBytes(a);
        t.buildRng().rekeyWithWitnessBytes("w", bytes("secret")).finish(new byte[32]).fillBytes(b);
        byte[] other = new byte[32];
        other[0] = 1;
        t.buildRng().rekeyWithWitnessBytes("w", bytes("secret")).finish(other).fillBytes(c);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
