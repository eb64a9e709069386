/**
 * The code-intelligence engine: file discovery, hashing, the regex extractors, the in-memory index
 * and the rankers. Not exported.
 */
@NullMarked
package io.agentfactory.sdk.reactor.codeintel.internal;

import org.jspecify.annotations.NullMarked;
