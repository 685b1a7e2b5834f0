/** The miner's bucket credentials: from flags, the environment or a properties file, or asked for once and saved. */
package io.mvtrx.runtime.gentrx.miner.credentials;
