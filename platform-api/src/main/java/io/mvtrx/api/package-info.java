/** The MVTRX platform API: the domain model every module shares and the extension points plugins implement. */
package io.mvtrx.api;
