/**
 * The SDK's JSON configuration. Not API.
 */
@NullMarked
package io.agentfactory.sdk.reactor.internal.json;

import org.jspecify.annotations.NullMarked;
