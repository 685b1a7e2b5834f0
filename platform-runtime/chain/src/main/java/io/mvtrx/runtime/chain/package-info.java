/** HTTP service and client for a shared chain: one host runs the backend, validators and miners reach it by URL. */
package io.mvtrx.runtime.chain;
