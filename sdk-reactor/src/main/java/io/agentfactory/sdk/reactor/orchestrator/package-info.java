/**
 * The local orchestrator on Reactor: the {@link io.agentfactory.sdk.reactor.orchestrator.WorkLoop}
 * (issues in, one outcome per issue out, at most {@code max} agents at a time), the
 * {@link io.agentfactory.sdk.reactor.orchestrator.TerminalAwaiter}, the process harnesses for Claude
 * Code and Codex ({@link io.agentfactory.sdk.reactor.orchestrator.AgentHarnesses}), the
 * {@link io.agentfactory.sdk.reactor.orchestrator.ChildEnvironment} rules, the Linear issue source and
 * the repository guards.
 */
@NullMarked
package io.agentfactory.sdk.reactor.orchestrator;

import org.jspecify.annotations.NullMarked;
