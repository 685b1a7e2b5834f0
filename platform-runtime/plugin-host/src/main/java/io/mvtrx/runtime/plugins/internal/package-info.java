/** How the plugin host loads plugins: ServiceLoader groups for built-ins, a PF4J manager for the plugins folder. */
package io.mvtrx.runtime.plugins.internal;
