/** Built-in price processes: fundamental price (jump diffusion with fBm), futures signal, magnetic field, GBM, recorded feed. */
package io.mvtrx.plugin.process;
