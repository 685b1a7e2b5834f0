/** The validator's per-book scoring metrics: {@code kappa3} and {@code pnl}. */
package io.mvtrx.plugin.scoring;
