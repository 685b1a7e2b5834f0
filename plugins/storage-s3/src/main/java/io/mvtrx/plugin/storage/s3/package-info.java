/** The {@code s3} storage backend: S3-compatible object storage with retries, a circuit breaker and presets. */
package io.mvtrx.plugin.storage.s3;
