/** The simulation XML: secure reading, validation against core and plugin schemas, typed configuration records. */
package io.mvtrx.runtime.config;
