/**
 * The daemon restart preflight: the closed answer schema and the typed 409 refusal. Not API.
 */
@NullMarked
package io.agentfactory.sdk.reactor.internal.restart;

import org.jspecify.annotations.NullMarked;
