/** Plugin settings: a configuration element's attributes and children, and the parameter schema a plugin declares. */
package io.mvtrx.api.settings;
