/** Orders and their attributes: side, type, time in force, self-trade prevention, settlement. */
package io.mvtrx.api.order;
