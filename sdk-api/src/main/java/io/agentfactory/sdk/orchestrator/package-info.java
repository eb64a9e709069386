/**
 * The local orchestrator as values and SPIs: {@link io.agentfactory.sdk.orchestrator.Issue issues}
 * from an {@link io.agentfactory.sdk.orchestrator.IssueSource}, one agent session per issue through an
 * {@link io.agentfactory.sdk.orchestrator.AgentHarness}, the session's
 * {@link io.agentfactory.sdk.orchestrator.AgentEvent events}, and exactly one
 * {@link io.agentfactory.sdk.orchestrator.DispatchOutcome} per issue. Agent failures are outcomes,
 * never errors; errors are reserved for configuration (an unavailable harness, a guard that refuses).
 * The work loop itself lives in the implementation module.
 */
@NullMarked
package io.agentfactory.sdk.orchestrator;

import org.jspecify.annotations.NullMarked;
