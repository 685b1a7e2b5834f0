/** RandomMakerAgent: random limit quotes on both sides of the mid within a spread, stale quotes cancelled. */
package io.mvtrx.agent.randommaker;
