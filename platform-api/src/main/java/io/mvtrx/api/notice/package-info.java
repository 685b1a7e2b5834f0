/** What an agent is told about its own instructions and the simulation: a sealed family of notices. */
package io.mvtrx.api.notice;
