/** The exchange engine's entry point, its configuration, and the listeners that receive what it does. */
package io.mvtrx.runtime.exchange;
