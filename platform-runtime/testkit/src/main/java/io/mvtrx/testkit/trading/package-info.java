/** Fixtures for trading agents: hand-built state updates and the contract every trading-agent provider keeps. */
package io.mvtrx.testkit.trading;
