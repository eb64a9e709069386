/**
 * The in-memory model of the daemon's {@code daemon.yaml} (projects and capacity) and its pure helpers. Reading and writing the file is done by the implementation module.
 */
@NullMarked
package io.agentfactory.sdk.config;

import org.jspecify.annotations.NullMarked;
