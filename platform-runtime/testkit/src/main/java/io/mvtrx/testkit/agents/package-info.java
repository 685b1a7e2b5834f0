/** Fixtures for background-agent models: a scripted environment, a driver, the contract test, XML settings. */
package io.mvtrx.testkit.agents;
