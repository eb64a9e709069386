/**
 * Micrometer observations of the clients' requests, retries and streams: the contexts, the
 * conventions that name them and their key values, and their documentation
 * ({@link io.agentfactory.sdk.reactor.observation.ClientObservationDocumentation}). Used only when a
 * registry is configured ({@link io.agentfactory.sdk.reactor.TransportOptions.Builder#observationRegistry});
 * these types need {@code io.micrometer:micrometer-observation} on the class path, the rest of the
 * SDK does not.
 */
@NullMarked
package io.agentfactory.sdk.reactor.observation;

import org.jspecify.annotations.NullMarked;
