/** What an agent holds on a book: balances, loans, fee rates, open orders. */
package io.mvtrx.api.account;
