/**
 * Decoding of the daemon's workarea diff ({@code GET /api/daemon/workareas/<idA>/diff/<idB>},
 * sdk-api/CONTRACT.md §4): the NDJSON stream and the JSON envelope, both into the same
 * {@link io.agentfactory.sdk.workarea.WorkareaDiffEvent} sequence, with the same validation. Not API.
 */
@NullMarked
package io.agentfactory.sdk.reactor.internal.diff;

import org.jspecify.annotations.NullMarked;
