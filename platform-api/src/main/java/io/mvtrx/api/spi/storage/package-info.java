/** Object storage for GenTRX data, gradients and checkpoints (fs, s3). */
package io.mvtrx.api.spi.storage;
