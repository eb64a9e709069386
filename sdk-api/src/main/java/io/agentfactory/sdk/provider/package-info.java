/**
 * The daemon's provider registry across the eight provider families.
 */
@NullMarked
package io.agentfactory.sdk.provider;

import org.jspecify.annotations.NullMarked;
