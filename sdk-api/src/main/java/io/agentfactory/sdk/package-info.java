/**
 * AgentFactory SDK API.
 */
@NullMarked
package io.agentfactory.sdk;

import org.jspecify.annotations.NullMarked;
