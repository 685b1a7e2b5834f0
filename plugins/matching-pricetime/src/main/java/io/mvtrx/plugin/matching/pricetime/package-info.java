/** Price-time priority matching: the provider and its allocation-free book. */
package io.mvtrx.plugin.matching.pricetime;
