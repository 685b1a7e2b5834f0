/** The {@code fs} storage backend: a directory whose files are the objects, replaced by atomic rename. */
package io.mvtrx.plugin.storage.fs;
