/** The contract every balance distribution honours, as an abstract test each distribution plugin's tests extend. */
package io.mvtrx.testkit.balances;
