package io.agentfactory.sdk.reactor.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * One request as it arrived at a {@link RecordingServer}: exact method, raw URI (path and query as
 * sent, still percent-encoded), headers and body bytes.
 *
 * @param method the HTTP method
 * @param uri the raw request URI: path plus query, as on the wire
 * @param headers every header, in arrival order (names as sent)
 * @param body the body bytes
 */
public record RecordedRequest(String method, String uri, List<Map.Entry<String, String>> headers, byte[] body) {

    static RecordedRequest of(String method, String uri, HttpHeaders headers, byte[] body) {
        return new RecordedRequest(method, uri, List.copyOf(headers.entries()), body);
    }

    /** The raw path (before {@code ?}). */
    public String path() {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    /** The raw query (after {@code ?}), or {@code ""}. */
    public String query() {
        int q = uri.indexOf('?');
        return q < 0 ? "" : uri.substring(q + 1);
    }

    /** The first value of a header (case-insensitive name), or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Whether a header (case-insensitive name) is present. */
    public boolean hasHeader(String name) {
        return header(name) != null;
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + uri + " " + headers + " " + bodyText();
    }
}
