/**
 * The daemon client: the local worker daemon's control API, its status, statistics and actions.
 */
@NullMarked
package io.agentfactory.sdk.daemon;

import org.jspecify.annotations.NullMarked;
