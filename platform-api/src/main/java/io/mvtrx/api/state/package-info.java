/** The exchange between simulator and agent each publish interval: state update in, agent response out. */
package io.mvtrx.api.state;
