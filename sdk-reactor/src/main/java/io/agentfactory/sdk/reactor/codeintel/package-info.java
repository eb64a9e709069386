/**
 * Code intelligence on Reactor: {@link io.agentfactory.sdk.reactor.codeintel.ReactorCodeIntel} opens
 * a repository root with {@link io.agentfactory.sdk.reactor.codeintel.CodeIntelOptions}; the engine
 * lives in the non-exported {@code internal} package.
 */
@NullMarked
package io.agentfactory.sdk.reactor.codeintel;

import org.jspecify.annotations.NullMarked;
