/** A strict JSON reader and the number formatting of the scoring file format; internal. */
package io.mvtrx.runtime.validator.internal.json;
