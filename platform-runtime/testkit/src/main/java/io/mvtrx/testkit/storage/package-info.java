/** The contract every storage backend passes, whatever holds its objects. */
package io.mvtrx.testkit.storage;
