/** The dashboard's view model, the feed a step loop publishes it through, and the routes that serve it. */
package io.mvtrx.runtime.dashboard;
