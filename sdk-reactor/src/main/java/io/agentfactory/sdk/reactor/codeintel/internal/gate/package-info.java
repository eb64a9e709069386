/**
 * The architecture gate's first layer and its diff plumbing: the unified-diff reader, the signal tables,
 * the observation rules, and the line splitting and JGit formatting behind the diff sources. Not API.
 */
package io.agentfactory.sdk.reactor.codeintel.internal.gate;
