/**
 * Runnable examples of the AgentFactory SDK, each a small class with a reactive method that takes
 * the client interfaces and returns a value, and a {@code main} that runs it against real services
 * (flags or environment variables, see {@link io.agentfactory.sdk.examples.ExampleServices}) or,
 * by default, against the embedded simulator. {@link io.agentfactory.sdk.examples.Demo} runs them
 * all as a guided tour.
 */
@NullMarked
package io.agentfactory.sdk.examples;

import org.jspecify.annotations.NullMarked;
