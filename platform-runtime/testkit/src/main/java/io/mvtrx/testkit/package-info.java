/** Shared test fixtures: SPI contract tests every plugin's tests extend, reference implementations, checks. */
package io.mvtrx.testkit;
