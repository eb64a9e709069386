package io.agentfactory.sdk.session;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * SessionTimeline represents the timeline in a session detail response.
 *
 * @param created the {@code created} field
 * @param queued the {@code queued} field. {@code null} when absent
 * @param started the {@code started} field. {@code null} when absent
 * @param completed the {@code completed} field. {@code null} when absent
 */
public record SessionTimeline(
        String created,
        @OmitNull @Nullable String queued,
        @OmitNull @Nullable String started,
        @OmitNull @Nullable String completed) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public SessionTimeline {
        created = Copies.text(created);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static SessionTimeline empty() {
        return new SessionTimeline("", null, null, null);
    }
}
