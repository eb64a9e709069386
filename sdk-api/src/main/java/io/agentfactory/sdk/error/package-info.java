/**
 * The error hierarchy: every failure is an {@link io.agentfactory.sdk.error.AgentFactoryException} with a kind, and whether a retry may help.
 */
@NullMarked
package io.agentfactory.sdk.error;

import org.jspecify.annotations.NullMarked;
