/**
 * A session's Layer 6 audit chain and its attestations.
 */
@NullMarked
package io.agentfactory.sdk.audit;

import org.jspecify.annotations.NullMarked;
