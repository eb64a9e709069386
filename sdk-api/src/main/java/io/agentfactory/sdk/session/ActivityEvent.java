package io.agentfactory.sdk.session;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * ActivityEvent represents a single activity from the streaming API.
 *
 * @param id the {@code id} field
 * @param type the {@code type} field
 * @param content the {@code content} field
 * @param toolName the {@code toolName} field. {@code null} when absent
 * @param timestamp the {@code timestamp} field
 */
public record ActivityEvent(
        String id,
        ActivityType type,
        String content,
        @OmitNull @Nullable String toolName,
        String timestamp) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ActivityEvent {
        id = Copies.text(id);
        type = type == null ? ActivityType.of("") : type;
        content = Copies.text(content);
        timestamp = Copies.text(timestamp);
    }
}
