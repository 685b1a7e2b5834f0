/**
 * Extension points. Each is a provider interface answering {@code name()} (the name configurations use) and a typed
 * {@code create(...)}; the runtime finds providers with ServiceLoader (built-ins, module path) and PF4J (JARs in the
 * plugins folder) and indexes them by name. No plugin framework type appears here.
 */
package io.mvtrx.api.spi;
