/** The 128-character chain commitment that publishes a bucket's read credentials, and the S3 bucket it names. */
package io.mvtrx.runtime.gentrx.miner.commitment;
