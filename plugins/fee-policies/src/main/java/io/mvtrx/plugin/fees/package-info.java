/** The built-in fee policies ({@code static}, {@code tiered}, {@code dynamic}) and their providers. */
package io.mvtrx.plugin.fees;
