/**
 * Stand-ins for the local orchestrator example: a fake Linear GraphQL server on loopback and a
 * scripted agent CLI that speaks Claude Code's stream-json. Not API.
 */
@NullMarked
package io.agentfactory.sdk.examples.orchestrator;

import org.jspecify.annotations.NullMarked;
