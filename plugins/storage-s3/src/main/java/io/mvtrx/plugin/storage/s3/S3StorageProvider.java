package io.mvtrx.plugin.storage.s3;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageBackendProvider;

/**
 * Provides the {@code s3} storage backend. Public no-argument constructor: ServiceLoader and PF4J need it.
 *
 * {@snippet :
 * StorageBackend r2 = new S3StorageProvider().create(Settings.builder("Storage")
 *         .attribute("preset", "r2")
 *         .attribute("accountId", "0123456789abcdef0123456789abcdef")
 *         .build()); // keys from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
 * }
 */
public final class S3StorageProvider implements StorageBackendProvider {

    public S3StorageProvider() {
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public String description() {
        return "S3-compatible object storage (AWS, Cloudflare R2, Hippius, MinIO...) with retries and a circuit breaker";
    }

    @Override
    public ParameterSchema parameters() {
        return S3StorageConfig.PARAMETERS;
    }

    /**
     * Builds the client; makes no request.
     *
     * @throws io.mvtrx.api.settings.SettingsException naming the element path and the attribute at fault
     */
    @Override
    public StorageBackend create(Settings settings) {
        return S3Storage.open(S3StorageConfig.from(settings, System::getenv));
    }
}
