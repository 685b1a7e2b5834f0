/** JSON encoding of the view model and the HTTP handlers; not exported. */
package io.mvtrx.runtime.dashboard.internal;
