/**
 * Agent cards: the materialized form of an agent, its runtimes, auth, substrate requirements and trust, and the scope query of {@code GET /api/agents}.
 */
@NullMarked
package io.agentfactory.sdk.agent;

import org.jspecify.annotations.NullMarked;
