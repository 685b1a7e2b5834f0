/** InventoryMakerAgent: a market maker whose quotes lean against its inventory and stop adding at a cap. */
package io.mvtrx.agent.inventorymaker;
