/**
 * Classifying agent log lines with the log-signature catalog: reading a user catalog (reactive and
 * blocking) and matching a {@code Flux} of lines, one by one or aggregated per signature.
 */
@NullMarked
package io.agentfactory.sdk.reactor.logsignatures;

import org.jspecify.annotations.NullMarked;
