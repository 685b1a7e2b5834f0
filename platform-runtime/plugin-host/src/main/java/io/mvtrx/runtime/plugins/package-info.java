/** Finds every plugin (built-in modules through ServiceLoader, JARs in the plugins folder through PF4J) and indexes
 * their providers by extension point and name. */
package io.mvtrx.runtime.plugins;
