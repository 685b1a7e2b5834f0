/** Matching rules: the book implementation an exchange uses (PriceTime, ProRata). */
package io.mvtrx.api.spi.matching;
