/**
 * Internals of the orchestrator: agent processes and their output framing, the Claude Code and
 * Codex wire protocols, git remote parsing, the Linear GraphQL documents. Not API.
 */
@NullMarked
package io.agentfactory.sdk.reactor.internal.orchestrator;

import org.jspecify.annotations.NullMarked;
