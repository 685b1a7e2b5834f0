/** A small strict JSON tree, parser and writer for the headers of the GenTRX files: no reflection, no binding. */
package io.mvtrx.runtime.gentrx.delta.json;
