/**
 * The coordinator client: the hosted platform API, its credentials and the whoami identity types.
 */
@NullMarked
package io.agentfactory.sdk.coordinator;

import org.jspecify.annotations.NullMarked;
