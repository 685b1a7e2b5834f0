/** What an agent asks the exchange to do: a sealed family of instruction records. */
package io.mvtrx.api.instruction;
