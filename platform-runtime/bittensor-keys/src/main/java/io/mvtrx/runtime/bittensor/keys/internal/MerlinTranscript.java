package io.mvtrx.runtime.bittensor.keys.internal;

import java.nio.charset.StandardCharsets;

/**
 * A Merlin transcript (merlin 2.x / 3.x, "Merlin v1.0" over STROBE-128): labelled messages in, challenge bytes out,
 * and the transcript RNG that schnorrkel uses for signing nonces.
 *
 * <p>Mutable and not thread-safe; {@link #copy()} forks a transcript.
 */
public final class MerlinTranscript {

    private final Strobe128 strobe;

    private MerlinTranscript(Strobe128 strobe) {
        this.strobe = strobe;
    }

    /** A transcript for an application label ({@code Transcript::new}). */
    public static MerlinTranscript create(String label) {
        MerlinTranscript t = new MerlinTranscript(Strobe128.create(ascii("Merlin v1.0")));
        t.appendMessage(ascii("dom-sep"), ascii(label));
        return t;
    }

    /** An independent copy. */
    public MerlinTranscript copy() {
        return new MerlinTranscript(strobe.copy());
    }

    /** Appends a labelled message. */
    public void appendMessage(String label, byte[] message) {
        appendMessage(ascii(label), message);
    }

    /** Appends a labelled message. */
    public void appendMessage(byte[] label, byte[] message) {
        strobe.metaAd(label, false);
        strobe.metaAd(le32(message.length), true);
        strobe.ad(message, false);
    }

    /** Fills {@code out} with challenge bytes bound to everything appended so far. */
    public void challengeBytes(String label, byte[] out) {
        strobe.metaAd(ascii(label), false);
        strobe.metaAd(le32(out.length), true);
        strobe.prf(out, false);
    }

    /** {@code n} challenge bytes. */
    public byte[] challengeBytes(String label, int n) {
        byte[] out = new byte[n];
        challengeBytes(label, out);
        return out;
    }

    /** Starts a transcript RNG: a fork of this transcript to be rekeyed with secret witness bytes. */
    public RngBuilder buildRng() {
        return new RngBuilder(strobe.copy());
    }

    /** Rekeys a forked transcript with witnesses, then with external randomness ({@code TranscriptRngBuilder}). */
    public static final class RngBuilder {
        private final Strobe128 strobe;

        private RngBuilder(Strobe128 strobe) {
            this.strobe = strobe;
        }

        /** Mixes secret witness bytes into the RNG. */
        public RngBuilder rekeyWithWitnessBytes(String label, byte[] witness) {
            strobe.metaAd(ascii(label), false);
            strobe.metaAd(le32(witness.length), true);
            strobe.key(witness, false);
            return this;
        }

        /** Finishes with 32 bytes of external randomness; the builder must not be used afterwards. */
        public Rng finish(byte[] random32) {
            if (random32.length != 32) {
                throw new IllegalArgumentException("transcript RNG needs 32 random bytes, got " + random32.length);
            }
            strobe.metaAd(ascii("rng"), false);
            strobe.key(random32, false);
            return new Rng(strobe);
        }
    }

    /** The transcript RNG ({@code TranscriptRng}). */
    public static final class Rng {
        private final Strobe128 strobe;

        private Rng(Strobe128 strobe) {
            this.strobe = strobe;
        }

        /** Fills {@code out} with output bytes. */
        public void fillBytes(byte[] out) {
            strobe.metaAd(le32(out.length), false);
            strobe.prf(out, false);
        }
    }

    private static byte[] le32(int n) {
        return new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
