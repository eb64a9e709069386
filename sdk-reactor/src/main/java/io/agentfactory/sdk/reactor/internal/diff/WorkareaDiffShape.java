package io.agentfactory.sdk.reactor.internal.diff;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The two wire shapes of a workarea diff, told apart by the response's {@code Content-Type}
 * (sdk-api/CONTRACT.md §4). Not API.
 */
public enum WorkareaDiffShape {

    /** {@code application/x-ndjson}: one entry per line, then a {@code {"summary": …}} line. */
    NDJSON,

    /** Anything else: one {@code {"diff": {"summary": …, "entries": […]}}} document. */
    ENVELOPE;

    private static final String NDJSON_MEDIA_TYPE = "application/x-ndjson";

    /**
     * The shape a {@code Content-Type} header value announces: {@link #NDJSON} for
     * {@code application/x-ndjson} in any case and with any parameters, {@link #ENVELOPE} for
     * anything else, including a missing header (the contract says: try the envelope).
     *
     * @param contentType the header value, or {@code null} when absent
     */
    public static WorkareaDiffShape of(@Nullable String contentType) {
        if (contentType == null) {
            return ENVELOPE;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals(NDJSON_MEDIA_TYPE) ? NDJSON : ENVELOPE;
    }
}
