package io.mvtrx.runtime.gentrx.miner.commitment;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketCommitmentTest {

    static final String KEY_ID = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    static final String SECRET = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+/";
    static final String R2_ACCOUNT = "0123456789abcdef0123456789abcdef";

    @Test
    void encodesAccountIdPaddedWithSpacesThenKeyIdThenSecret() {
        String encoded = new BucketCommitment("miner-7", KEY_ID, SECRET).encode();

        assertThat(encoded).isEqualTo("miner-7                         ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
                + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+/");
        assertThat(encoded).hasSize(128);
    }

    @Test
    void decodesWhatItEncodes() {
        String text = R2_ACCOUNT + KEY_ID + SECRET;

        BucketCommitment decoded = BucketCommitment.decode(text);

        assertThat(decoded).isEqualTo(new BucketCommitment(R2_ACCOUNT, KEY_ID, SECRET));
        assertThat(decoded.encode()).isEqualTo(text);
        assertThat(BucketCommitment.decode("miner-7" + " ".repeat(25) + KEY_ID + SECRET).accountId())
                .isEqualTo("miner-7");
    }

    @Test
    void thirtyTwoHexDigitsAreAnR2AccountWhoseBucketIsTheAccountId() {
        S3Bucket bucket = new BucketCommitment(R2_ACCOUNT, KEY_ID, SECRET).bucket(Optional.empty());

        assertThat(bucket).isEqualTo(new S3Bucket("https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com",
                "auto", R2_ACCOUNT, KEY_ID, SECRET));
    }

    @Test
    void storjPrefixNamesTheBucketOnStorjsGateway() {
        S3Bucket bucket = new BucketCommitment("storj:gradients-7", KEY_ID, SECRET).bucket(Optional.empty());

        assertThat(bucket.endpoint()).isEqualTo("https://gateway.storjshare.io");
        assertThat(bucket.region()).isEqualTo("global");
        assertThat(bucket.bucket()).isEqualTo("gradients-7");
    }

    @Test
    void anythingElseIsHippiusAndUpperCaseHexIsNotR2() {
        BucketCommitment upper = new BucketCommitment(R2_ACCOUNT.toUpperCase(), KEY_ID, SECRET);

        assertThat(upper.provider()).isEqualTo(BucketProvider.HIPPIUS);
        assertThat(upper.bucket(Optional.empty())).isEqualTo(new S3Bucket("https://s3.hippius.com", "decentralized",
                "0123456789ABCDEF0123456789ABCDEF", KEY_ID, SECRET));
    }

    @Test
    void anEndpointOverrideReplacesTheProvidersEndpoint() {
        S3Bucket bucket = new BucketCommitment(R2_ACCOUNT, KEY_ID, SECRET)
                .bucket(Optional.of("http://127.0.0.1:9000"));

        assertThat(bucket.endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(bucket.bucket()).isEqualTo(R2_ACCOUNT);
        assertThat(bucket.settings().attributes()).containsEntry("endpoint", "http://127.0.0.1:9000")
                .containsEntry("region", "auto").containsEntry("bucket", R2_ACCOUNT)
                .containsEntry("pathStyle", "true").containsEntry("accessKey", KEY_ID)
                .containsEntry("secretKey", SECRET);
    }

    @Test
    void refusesWrongLengthsNamingTheField() {
        assertThatThrownBy(() -> BucketCommitment.decode(R2_ACCOUNT + KEY_ID + SECRET.substring(1)))
                .hasMessage("a bucket commitment is exactly 128 characters, got 127");
        assertThatThrownBy(() -> new BucketCommitment("a".repeat(33), KEY_ID, SECRET))
                .hasMessage("account id must be 1 to 32 characters, got 33");
        assertThatThrownBy(() -> new BucketCommitment("miner", KEY_ID + "6", SECRET))
                .hasMessage("access key id must be exactly 32 characters, got 33");
        assertThatThrownBy(() -> new BucketCommitment("miner", KEY_ID, SECRET + "x"))
                .hasMessage("secret access key must be exactly 64 characters, got 65");
        assertThatThrownBy(() -> BucketCommitment.decode(" ".repeat(32) + KEY_ID + SECRET))
                .hasMessage("account id must be 1 to 32 characters, got 0");
    }

    @Test
    void refusesNonAsciiWithoutPrintingTheSecret() {
        String bad = SECRET.substring(0, 10) + "é" + SECRET.substring(11);

        assertThatThrownBy(() -> new BucketCommitment("miner", KEY_ID, bad))
                .hasMessage("secret access key holds a character that is not printable ASCII at position 10")
                .message().doesNotContain(SECRET.substring(0, 10));
        assertThatThrownBy(() -> new BucketCommitment("min er", KEY_ID, SECRET))
                .hasMessage("account id 'min er' holds a character that is not printable ASCII at position 3");
    }

    @Test
    void toStringMasksTheSecret() {
        var commitment = new BucketCommitment("miner-7", KEY_ID, SECRET);

        assertThat(commitment.toString())
                .isEqualTo("BucketCommitment[accountId=miner-7, accessKeyId=" + KEY_ID + ", secretAccessKey=***]");
        assertThat(commitment.bucket(Optional.empty()).toString()).doesNotContain(SECRET).contains("secretKey=***");
    }
}
