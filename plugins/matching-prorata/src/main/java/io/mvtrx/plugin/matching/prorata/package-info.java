/** Pro-rata matching: the provider and its allocation-free book. */
package io.mvtrx.plugin.matching.prorata;
