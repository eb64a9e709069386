package io.agentfactory.sdk.reactor.internal.http;

import java.util.Locale;

/**
 * Which {@code Content-Type} of a 2xx answer a service's JSON bodies may carry. A missing header
 * is always accepted (the body is then parsed as JSON). Not API.
 */
public enum JsonContentTypes {

    /** {@code application/json}, any {@code +json} type, and {@code text/json}. */
    STRICT,

    /**
     * Those and {@code text/plain}: a Go handler that sets no content type has net/http sniff its
     * JSON as {@code text/plain; charset=utf-8}. The body must still be valid JSON; HTML is refused.
     */
    OR_TEXT_PLAIN;

    /** Whether a body of {@code contentType} is read as JSON. */
    public boolean accepts(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (media.equals("application/json") || media.endsWith("+json") || media.equals("text/json")) {
            return true;
        }
        return this == OR_TEXT_PLAIN && media.equals("text/plain");
    }
}
