/**
 * Stop-session receipts and refusals: the closed receipt schema a stop answer is checked against,
 * and the typed 409. Not API.
 */
@NullMarked
package io.agentfactory.sdk.reactor.internal.stop;

import org.jspecify.annotations.NullMarked;
