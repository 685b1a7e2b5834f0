/** Scoring metrics applied by validators to miners' realized results (kappa3, pnl, ...). */
package io.mvtrx.api.spi.scoring;
