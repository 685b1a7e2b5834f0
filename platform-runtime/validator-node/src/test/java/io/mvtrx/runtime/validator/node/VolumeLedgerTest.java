package io.mvtrx.runtime.validator.node;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VolumeLedgerTest {

    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;

    @Test
    void sumsTradesOverTheAssessmentPeriodInSampledBuckets() {
        VolumeLedger ledger = new VolumeLedger(10 * MINUTE, 24 * HOUR);
        ledger.record(1, 0, 0, 100.0);
        ledger.record(1, 0, 9 * MINUTE, 50.0);   // same 10-minute bucket
        ledger.record(1, 0, 30 * MINUTE, 25.0);
        ledger.record(1, 1, 30 * MINUTE, 7.0);
        ledger.record(2, 0, 30 * MINUTE, 3.0);
        ledger.advance(30 * MINUTE);
        assertThat(ledger.volume(1, 0)).isEqualTo(175.0);
        assertThat(ledger.volume(1, 1)).isEqualTo(7.0);
        assertThat(ledger.volume(2, 0)).isEqualTo(3.0);

        // at 24 h + 10 min the bucket of time 0 (older than now - 24 h) leaves; the one of 30 min stays
        ledger.advance(24 * HOUR + 10 * MINUTE);
        assertThat(ledger.volume(1, 0)).isEqualTo(25.0);
        ledger.advance(24 * HOUR + 31 * MINUTE);
        assertThat(ledger.volume(1, 0)).isEqualTo(0.0);
    }

    @Test
    void resetForgetsOneUidAndShiftMovesTheWindow() throws IOException {
        VolumeLedger ledger = new VolumeLedger(10 * MINUTE, HOUR);
        ledger.record(1, 0, 50 * MINUTE, 10.0);
        ledger.record(2, 0, 50 * MINUTE, 20.0);
        ledger.reset(1);
        ledger.advance(50 * MINUTE);
        assertThat(ledger.volume(1, 0)).isZero();
        assertThat(ledger.volume(2, 0)).isEqualTo(20.0);

        // a new simulation restarts at 0: the bucket moves to -10 min and still counts at 40 min, not at 51 min
        ledger.shift(-60 * MINUTE);
        ledger.advance(40 * MINUTE);
        assertThat(ledger.volume(2, 0)).isEqualTo(20.0);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ledger.write(new DataOutputStream(bytes));
        VolumeLedger copy = new VolumeLedger(10 * MINUTE, HOUR);
        copy.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        copy.advance(40 * MINUTE);
        assertThat(copy.volume(2, 0)).isEqualTo(20.0);
        copy.advance(51 * MINUTE);
        assertThat(copy.volume(2, 0)).isZero();
    }

    @Test
    void manyUidsAndBooksKeepTheirOwnVolumesThroughACheckpointAndAReset() throws IOException {
        VolumeLedger ledger = new VolumeLedger(10 * MINUTE, HOUR);
        // uid ^ book repeats across these: each (uid, book) must still be its own entry
        for (int uid = 0; uid < 64; uid++) {
            for (int book = 0; book < 64; book++) {
                ledger.record(uid, book, 5 * MINUTE, uid * 1000 + book + 1);
                ledger.record(uid, book, 15 * MINUTE, 0.5);
            }
        }
        ledger.record(-7, 3, 5 * MINUTE, 2.0); // a uid in the key's upper half as a negative int
        ledger.advance(20 * MINUTE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ledger.write(new DataOutputStream(bytes));
        VolumeLedger copy = new VolumeLedger(10 * MINUTE, HOUR);
        copy.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        copy.reset(5);

        for (int uid = 0; uid < 64; uid++) {
            for (int book = 0; book < 64; book++) {
                double expected = uid * 1000 + book + 1.5;
                assertThat(ledger.volume(uid, book)).as("uid %d book %d", uid, book).isEqualTo(expected);
                assertThat(copy.volume(uid, book)).as("uid %d book %d restored", uid, book)
                        .isEqualTo(uid == 5 ? 0 : expected);
            }
        }
        assertThat(copy.volume(-7, 3)).isEqualTo(2.0);
        assertThat(copy.volume(3, -7)).isZero();
        // the first bucket leaves the window an hour after it began, the second ten minutes later
        copy.advance(65 * MINUTE);
        assertThat(copy.volume(1, 2)).isEqualTo(0.5);
        copy.advance(75 * MINUTE);
        assertThat(copy.volume(1, 2)).isZero();
        assertThat(copy.volume(-7, 3)).isZero();
    }
}
