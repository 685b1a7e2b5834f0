/** Collections the api records hold without copying them. */
package io.mvtrx.api.collect;
