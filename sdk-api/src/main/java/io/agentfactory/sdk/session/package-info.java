/**
 * Sessions and their activity: listing, detail, the activity feed, stop / chat / reconnect.
 */
@NullMarked
package io.agentfactory.sdk.session;

import org.jspecify.annotations.NullMarked;
