/** Where GenTRX objects live in a bucket: one class builds and parses every key, names and retention included. */
package io.mvtrx.runtime.gentrx.storage;
