/** Order-book test fixtures: the slow reference twins, a recording match sink and the shared book contract test. */
package io.mvtrx.testkit.book;
