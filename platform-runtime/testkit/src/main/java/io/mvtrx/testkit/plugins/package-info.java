/** Builds plugin JARs on the fly (compiled sources, PF4J manifest, META-INF/services) for plugin-host tests. */
package io.mvtrx.testkit.plugins;
