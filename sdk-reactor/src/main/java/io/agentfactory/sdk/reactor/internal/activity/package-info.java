/**
 * Following a session's activity feed page by page, on demand, over any page source (the HTTP
 * client and the in-memory mock share it). Not API.
 */
@NullMarked
package io.agentfactory.sdk.reactor.internal.activity;

import org.jspecify.annotations.NullMarked;
