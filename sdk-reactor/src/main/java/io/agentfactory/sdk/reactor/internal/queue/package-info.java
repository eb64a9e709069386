/**
 * The queue admin's Redis pipeline (one lazily opened Lettuce connection, every failure mapped to a
 * typed error, scripts by SHA), its scripts, row decoding and JSON tree patching. Not API.
 */
@NullMarked
package io.agentfactory.sdk.reactor.internal.queue;

import org.jspecify.annotations.NullMarked;
