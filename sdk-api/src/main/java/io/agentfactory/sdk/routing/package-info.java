/**
 * The daemon's routing configuration, Thompson-Sampling state, decisions and decision traces.
 */
@NullMarked
package io.agentfactory.sdk.routing;

import org.jspecify.annotations.NullMarked;
