/** Fee policies: the maker and taker rates each agent pays on each book (tiered, dynamic, static). */
package io.mvtrx.api.spi.fees;
