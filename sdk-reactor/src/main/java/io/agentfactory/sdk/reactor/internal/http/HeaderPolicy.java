package io.agentfactory.sdk.reactor.internal.http;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * Sets the service-specific headers of a request (credentials, scopes). Each client has one:
 * this is where "which secret goes to which service, on which routes" is decided. Not API.
 */
@FunctionalInterface
public interface HeaderPolicy {

    /** Adds this service's headers for {@code route} to {@code headers}. */
    void apply(Route route, HttpHeaders headers);
}
