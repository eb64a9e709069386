/**
 * Fleet statistics, machines, sandbox providers, cost and the fleet listing.
 */
@NullMarked
package io.agentfactory.sdk.fleet;

import org.jspecify.annotations.NullMarked;
