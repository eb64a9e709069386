package io.agentfactory.sdk.reactor.internal.http;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * One request of a route: method, path template (for logs: ids masked), the encoded path and
 * query, the JSON body, and whether it may be retried. Build with {@link #get(String, String...)}
 * or {@link #post(String, String...)}; arguments are checked while building, so a bad argument
 * fails before anything is sent. Not API.
 *
 * <p>Templates mark ids with {@code {}} (one escaped segment) or {@code {/}} (several segments,
 * {@code /} kept: kit ids).
 *
 * @param method the HTTP method
 * @param template the path template, ids masked, for logs
 * @param path the encoded path
 * @param query the encoded query without {@code ?}, or {@code ""}
 * @param body the JSON body, or {@code null} for none
 * @param accept the {@code Accept} header value
 * @param idempotent whether the request may be sent again (GETs)
 */
public record Route(String method, String template, String path, String query, byte @Nullable [] body,
        String accept, boolean idempotent) {

    /** JSON. */
    public static final String JSON = "application/json";

    /** A GET of {@code template} with these ids (retryable). */
    public static Route get(String template, String... ids) {
        RouteTemplateIndex.learn(template);
        return new Route("GET", template, expand(template, ids), "", null, JSON, true);
    }

    /** A POST of {@code template} with these ids and no body (never retried). */
    public static Route post(String template, String... ids) {
        RouteTemplateIndex.learn(template);
        return new Route("POST", template, expand(template, ids), "", null, JSON, false);
    }

    /** A copy with {@code name=value} appended to the query, when {@code value} is not empty. */
    public Route query(String name, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        String pair = UriEncoding.query(name) + "=" + UriEncoding.query(value);
        return new Route(method, template, path, query.isEmpty() ? pair : query + "&" + pair, body, accept,
                idempotent);
    }

    /** A copy with {@code name=true} appended when {@code flag} is set. */
    public Route flag(String name, boolean flag) {
        return flag ? query(name, "true") : this;
    }

    /** A copy with {@code value} as its JSON body. */
    public Route json(Object value) {
        return new Route(method, template, path, query, JsonCodec.get().encode(value), accept, idempotent);
    }

    /** A copy with another {@code Accept} header. */
    public Route accepting(String mediaTypes) {
        return new Route(method, template, path, query, body, mediaTypes, idempotent);
    }

    /** Whether this route changes state on the server (every method but GET). */
    public boolean mutating() {
        return !"GET".equals(method);
    }

    /** The path and query, as sent. */
    public String pathAndQuery() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static String expand(String template, String[] ids) {
        if (ids.length == 0 && template.indexOf('{') < 0) {
            // Nothing to fill in (most list and stats routes): the template is the path.
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int next = 0;
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open);
            if (next >= ids.length) {
                throw new IllegalStateException("template " + template + " needs more ids");
            }
            String id = checkedId(ids[next++]);
            out.append(template.charAt(open + 1) == '/' ? UriEncoding.segments(id) : UriEncoding.segment(id));
            i = close + 1;
        }
        if (next != ids.length) {
            throw new IllegalStateException("template " + template + " takes " + next + " ids");
        }
        return out.toString();
    }

    /**
     * Checks an id bound for a path: present, not blank, no control characters (C0, DEL or C1).
     *
     * @throws InvalidArgumentException when it is not
     */
    public static String checkedId(@Nullable String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidArgumentException("id must not be blank");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidArgumentException("id must not contain control characters");
            }
        }
        return id;
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
