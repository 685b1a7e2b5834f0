/** Fee-policy fixtures: the contract every fee policy's test extends and a settable policy for engine tests. */
package io.mvtrx.testkit.fees;
