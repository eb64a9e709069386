/**
 * Observation of the HTTP pipeline. {@link io.agentfactory.sdk.reactor.internal.http.observation.RequestObserver}
 * names no Micrometer type, so the pipeline runs without Micrometer on the class path; the
 * Micrometer implementation is loaded only when a registry is configured. Not API.
 */
@NullMarked
package io.agentfactory.sdk.reactor.internal.http.observation;

import org.jspecify.annotations.NullMarked;
