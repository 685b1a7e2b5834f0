/** What happens in a book (the L3 event stream) and why an instruction was refused. */
package io.mvtrx.api.event;
