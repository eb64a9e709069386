/**
 * Implementation internals of the Reactor SDK. Not API: may change without notice.
 */
@NullMarked
package io.agentfactory.sdk.reactor.internal;

import org.jspecify.annotations.NullMarked;
