/** RandomTakerAgent: random market orders, each book's direction redrawn once per period. */
package io.mvtrx.agent.randomtaker;
