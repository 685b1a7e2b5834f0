/** The contract every price process honours, as an abstract test each process plugin's tests extend. */
package io.mvtrx.testkit.process;
