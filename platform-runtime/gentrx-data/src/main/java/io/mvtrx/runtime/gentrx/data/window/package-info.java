/** Training windows over pages (never spanning two files) and the miner and scoring samplers. */
package io.mvtrx.runtime.gentrx.data.window;
