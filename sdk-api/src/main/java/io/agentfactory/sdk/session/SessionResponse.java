package io.agentfactory.sdk.session;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * One session of {@code GET /api/public/sessions}.
 *
 * @param id the session id
 * @param identifier the human identifier (for example the issue key)
 * @param status the session status
 * @param workType the work type
 * @param startedAt when the session started (RFC 3339 text, kept as sent)
 * @param duration the duration in seconds
 * @param costUsd the accrued cost in US dollars; {@code null} when the server did not report it
 * @param provider the provider that ran it; {@code null} when not reported
 */
public record SessionResponse(
        String id,
        String identifier,
        SessionStatus status,
        String workType,
        String startedAt,
        int duration,
        @OmitNull @Nullable Double costUsd,
        @OmitNull @Nullable String provider) {

    /** Normalizes absent strings to {@code ""}. */
    public SessionResponse {
        id = Copies.text(id);
        identifier = Copies.text(identifier);
        status = status == null ? SessionStatus.of("") : status;
        workType = Copies.text(workType);
        startedAt = Copies.text(startedAt);
    }
}
