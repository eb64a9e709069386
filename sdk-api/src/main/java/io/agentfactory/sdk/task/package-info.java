/**
 * Task submission and control on the coordinator's MCP routes.
 */
@NullMarked
package io.agentfactory.sdk.task;

import org.jspecify.annotations.NullMarked;
