package io.agentfactory.sdk.session;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * SessionDetail is the inner session object in the detail response.
 *
 * @param id the {@code id} field
 * @param identifier the {@code identifier} field
 * @param status the {@code status} field
 * @param workType the {@code workType} field
 * @param startedAt the {@code startedAt} field
 * @param duration the {@code duration} field
 * @param timeline the {@code timeline} field
 * @param provider the {@code provider} field. {@code null} when absent
 * @param branch the {@code branch} field. {@code null} when absent
 * @param issueTitle the {@code issueTitle} field. {@code null} when absent
 * @param costUsd the {@code costUsd} field. {@code null} when absent
 * @param inputTokens the {@code inputTokens} field. {@code null} when absent
 * @param outputTokens the {@code outputTokens} field. {@code null} when absent
 */
public record SessionDetail(
        String id,
        String identifier,
        SessionStatus status,
        String workType,
        String startedAt,
        int duration,
        SessionTimeline timeline,
        @OmitNull @Nullable String provider,
        @OmitNull @Nullable String branch,
        @OmitNull @Nullable String issueTitle,
        @OmitNull @Nullable Double costUsd,
        @OmitNull @Nullable Integer inputTokens,
        @OmitNull @Nullable Integer outputTokens) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public SessionDetail {
        id = Copies.text(id);
        identifier = Copies.text(identifier);
        status = status == null ? SessionStatus.of("") : status;
        workType = Copies.text(workType);
        startedAt = Copies.text(startedAt);
        timeline = timeline == null ? SessionTimeline.empty() : timeline;
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static SessionDetail empty() {
        return new SessionDetail("", "", SessionStatus.of(""), "", "", 0, SessionTimeline.empty(), null, null, null, null, null, null);
    }
}
