/**
 * The HTTP pipeline shared by both clients: routes, escaping, headers, status mapping, decoding,
 * retries. Not API.
 */
@NullMarked
package io.agentfactory.sdk.reactor.internal.http;

import org.jspecify.annotations.NullMarked;
