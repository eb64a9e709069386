package io.agentfactory.sdk.session;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.OmitNull;

/**
 * ReconnectSessionRequest is the body of POST /api/public/sessions/:id/reconnect. Cursor and
 * LastEventID are both optional resume hints for the activity stream; callers may send either,
 * neither, or both depending on what they have cached.
 *
 * @param cursor the {@code cursor} field. {@code null} when absent
 * @param lastEventId the {@code lastEventId} field. {@code null} when absent
 */
public record ReconnectSessionRequest(
        @OmitNull @Nullable String cursor,
        @OmitNull @Nullable String lastEventId) {

    /** A reconnect with no resume hints (posts {@code {}}). */
    public static ReconnectSessionRequest none() {
        return new ReconnectSessionRequest(null, null);
    }
}
