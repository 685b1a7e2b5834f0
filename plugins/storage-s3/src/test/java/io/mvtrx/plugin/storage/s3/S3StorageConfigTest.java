package io.mvtrx.plugin.storage.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.storage.StorageBackend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3StorageConfigTest {

    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

    private static Settings.Builder storage() {
        return Settings.builder("Storage").attribute("accessKey", "AK").attribute("secretKey", "SK");
    }

    private static S3StorageConfig read(Settings.Builder settings) {
        return S3StorageConfig.from(settings.build(), S3Configs.NO_ENV);
    }

    @Test
    void aCustomEndpointDefaultsToPathStyleAndTheReferenceTimeoutsAndRetries() {
        S3StorageConfig config = read(storage().attribute("endpoint", "http://127.0.0.1:9000")
                .attribute("bucket", "gentrx"));

        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.pathStyle()).isTrue();
        assertThat(config.multipartThreshold()).isEqualTo(16L * 1024 * 1024);
        assertThat(config.partSize()).isEqualTo(8L * 1024 * 1024);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.retryAttempts()).isEqualTo(6);
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.retryMaxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.breakerFailureRate()).isEqualTo(50);
        assertThat(config.breakerMinimumCalls()).isEqualTo(10);
        assertThat(config.breakerWindow()).isEqualTo(20);
        assertThat(config.breakerOpenWait()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theAwsPresetUsesTheRegionalEndpointAndVirtualHostedAddressing() {
        S3StorageConfig config = read(storage().attribute("preset", "aws").attribute("region", "eu-central-1")
                .attribute("bucket", "my-validator"));

        assertThat(config.endpoint()).isNull();
        assertThat(config.effectiveEndpoint()).isEqualTo(URI.create("https://s3.eu-central-1.amazonaws.com"));
        assertThat(config.pathStyle()).isFalse();
        assertThat(read(storage().attribute("preset", "AWS").attribute("bucket", "b")).region())
                .isEqualTo("us-east-1");
    }

    @Test
    void theR2PresetBuildsTheAccountEndpointWithRegionAutoAndTheAccountAsBucket() {
        S3StorageConfig config = read(storage().attribute("preset", "r2").attribute("accountId", ACCOUNT));

        assertThat(config.endpoint()).isEqualTo(URI.create("https://" + ACCOUNT + ".r2.cloudflarestorage.com"));
        assertThat(config.region()).isEqualTo("auto");
        assertThat(config.pathStyle()).isTrue();
        assertThat(config.bucket()).isEqualTo(ACCOUNT);
        assertThat(read(storage().attribute("preset", "r2").attribute("accountId", ACCOUNT)
                .attribute("bucket", "other")).bucket()).isEqualTo("other");
    }

    @Test
    void theHippiusPresetUsesItsGatewayAndRegionDecentralized() {
        S3StorageConfig config = read(storage().attribute("preset", "hippius").attribute("accountId", "5GrwvaEF"));

        assertThat(config.endpoint()).isEqualTo(URI.create("https://s3.hippius.com"));
        assertThat(config.region()).isEqualTo("decentralized");
        assertThat(config.pathStyle()).isTrue();
        assertThat(config.bucket()).isEqualTo("5GrwvaEF");
    }

    @Test
    void explicitAttributesWinOverThePreset() {
        S3StorageConfig config = read(storage().attribute("preset", "hippius").attribute("bucket", "b")
                .attribute("endpoint", "https://eu.hippius.example").attribute("region", "eu")
                .attribute("pathStyle", "false"));

        assertThat(config.endpoint()).isEqualTo(URI.create("https://eu.hippius.example"));
        assertThat(config.region()).isEqualTo("eu");
        assertThat(config.pathStyle()).isFalse();
    }

    @Test
    void presetMistakesAreNamedWithTheElementPath() {
        assertThatThrownBy(() -> read(storage().attribute("preset", "r2")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/Storage: preset 'r2' needs 'accountId' (or an explicit 'endpoint')");
        assertThatThrownBy(() -> read(storage().attribute("preset", "r2").attribute("accountId", "ACME")))
                .hasMessage("/Storage: 'accountId' of preset 'r2' must be 32 lower-case hex digits, got 'ACME'");
        assertThatThrownBy(() -> read(storage().attribute("preset", "gcs").attribute("bucket", "b")))
                .hasMessage("/Storage: unknown preset 'gcs' (known: aws, r2, hippius)");
        assertThatThrownBy(() -> read(storage().attribute("preset", "aws")))
                .hasMessage("/Storage: 'bucket' is required");
    }

    @Test
    void keysComeFromTheEnvironmentWhenTheElementLeavesThemOut() {
        UnaryOperator<String> env = Map.of("AWS_ACCESS_KEY_ID", "ENV-AK", "AWS_SECRET_ACCESS_KEY", "ENV-SK")::get;

        S3StorageConfig fromEnv = S3StorageConfig.from(Settings.builder("Storage").attribute("bucket", "b").build(),
                env);
        S3StorageConfig explicit = S3StorageConfig.from(storage().attribute("bucket", "b").build(), env);

        assertThat(fromEnv.accessKey()).isEqualTo("ENV-AK");
        assertThat(fromEnv.secretKey()).isEqualTo("ENV-SK");
        assertThat(explicit.accessKey()).isEqualTo("AK");
        assertThat(explicit.secretKey()).isEqualTo("SK");
    }

    @Test
    void missingKeysNameTheAttributeAndTheVariable() {
        assertThatThrownBy(() -> read(Settings.builder("Storage").attribute("bucket", "b")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/Storage: 'accessKey' is required (set the attribute or AWS_ACCESS_KEY_ID)");
        assertThatThrownBy(() -> read(Settings.builder("Storage").attribute("bucket", "b")
                .attribute("accessKey", "AK")))
                .hasMessage("/Storage: 'secretKey' is required (set the attribute or AWS_SECRET_ACCESS_KEY)");
    }

    @Test
    void limitsAreCheckedWithTheValueReceived() {
        assertThatThrownBy(() -> read(storage().attribute("bucket", "b").attribute("partSize", "1048576")))
                .hasMessage("/Storage: 'partSize' must be between 5242880 (5 MiB) and 5368709120 bytes, got 1048576");
        assertThatThrownBy(() -> read(storage().attribute("bucket", "b").attribute("multipartThreshold", "0")))
                .hasMessage("/Storage: 'multipartThreshold' must be between 1 and 5368709120 bytes, got 0");
        assertThatThrownBy(() -> read(storage().attribute("bucket", "b").attribute("retryAttempts", "0")))
                .hasMessage("/Storage: 'retryAttempts' must be at least 1, got 0");
        assertThatThrownBy(() -> read(storage().attribute("bucket", "b").attribute("retryBackoffMillis", "500")
                .attribute("retryMaxBackoffMillis", "100")))
                .hasMessage("/Storage: 'retryMaxBackoffMillis' (100) must be at least 'retryBackoffMillis' (500)");
        assertThatThrownBy(() -> read(storage().attribute("bucket", "b").attribute("breakerFailureRate", "101")))
                .hasMessage("/Storage: 'breakerFailureRate' must be a percentage between 1 and 100, got 101");
        assertThatThrownBy(() -> read(storage().attribute("bucket", "b").attribute("breakerWindow", "5")))
                .hasMessage("/Storage: 'breakerWindow' (5) must be at least 'breakerMinimumCalls' (10)");
        assertThatThrownBy(() -> read(storage().attribute("bucket", "b").attribute("readTimeoutMillis", "0")))
                .hasMessage("/Storage: 'readTimeoutMillis' must be positive, got 0");
        assertThatThrownBy(() -> read(storage().attribute("bucket", "a/b")))
                .hasMessage("/Storage: 'bucket' must not contain '/', got 'a/b'");
        assertThatThrownBy(() -> read(storage().attribute("bucket", "b").attribute("endpoint", "s3.example.com")))
                .hasMessage("/Storage: 'endpoint' must be an http(s) URL with a host, got 's3.example.com'");
        assertThatThrownBy(() -> read(storage().attribute("bucket", "b").attribute("retryAttempts", "three")))
                .hasMessage("/Storage: attribute 'retryAttempts' must be an integer, got 'three'");
    }

    @Test
    void theSecretKeyNeverAppearsInToString() {
        S3StorageConfig config = read(Settings.builder("Storage").attribute("bucket", "b")
                .attribute("accessKey", "AKIAEXAMPLE").attribute("secretKey", "wJalrXUtnFEMI-secret"));

        assertThat(config.toString()).contains("AKIAEXAMPLE", "secretKey ****").doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void theProviderIsNamedS3AndCreatesAClientWithoutCallingTheServer() throws Exception {
        S3StorageProvider provider = new S3StorageProvider();

        assertThat(provider.name()).isEqualTo("s3");
        assertThat(provider.parameters().parameters()).containsKeys("preset", "accountId", "bucket", "endpoint",
                "region", "pathStyle", "accessKey", "secretKey", "multipartThreshold", "partSize",
                "connectTimeoutMillis", "readTimeoutMillis", "retryAttempts", "retryBackoffMillis",
                "retryMaxBackoffMillis", "breakerFailureRate", "breakerMinimumCalls", "breakerWindow",
                "breakerOpenMillis");
        try (StorageBackend backend = provider.create(storage().attribute("endpoint", "http://127.0.0.1:1")
                .attribute("bucket", "b").build())) {
            assertThat(backend).hasToString("s3://b at http://127.0.0.1:1");
        }
    }
}
