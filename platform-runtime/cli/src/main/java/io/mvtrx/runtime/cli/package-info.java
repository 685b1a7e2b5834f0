/** The {@code mvtrx} command and its subcommands. */
package io.mvtrx.runtime.cli;
