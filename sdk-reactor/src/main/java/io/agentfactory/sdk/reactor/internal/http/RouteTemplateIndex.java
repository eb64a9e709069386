package io.agentfactory.sdk.reactor.internal.http;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The route templates the clients have used in this JVM, and the lookup from a real path back to
 * its template ({@code /api/public/sessions/abc/stop} → {@code /api/public/sessions/{}/stop}). Every
 * request is built from a {@link Route}, whose template is recorded here first, so a path the SDK
 * sent always finds its template. Templates are constants of the clients: the index stays small.
 * Not API.
 */
public final class RouteTemplateIndex {

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final List<Template> TEMPLATES = new CopyOnWriteArrayList<>();

    /** A {@code {/}} id (one or more segments) once the template is split. */
    private static final String MULTI = "{**}";

    private RouteTemplateIndex() {
    }

    /** Records {@code template} (cheap when already known). */
    static void learn(String template) {
        if (!KNOWN.contains(template) && KNOWN.add(template)) {
            // "{/}" holds a slash: mark it before splitting into segments.
            TEMPLATES.add(new Template(template, template.replace("{/}", MULTI).split("/", -1)));
        }
    }

    /**
     * The template of {@code path} (a query is ignored): of the templates that match, the one with
     * the most literal segments; empty when none does.
     */
    public static Optional<String> templateOf(String path) {
        int query = path.indexOf('?');
        String[] segments = (query < 0 ? path : path.substring(0, query)).split("/", -1);
        Template best = null;
        for (Template t : TEMPLATES) {
            if (matches(t.segments, 0, segments, 0) && (best == null || t.literals > best.literals)) {
                best = t;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.template);
    }

    private static boolean matches(String[] template, int ti, String[] path, int pi) {
        if (ti == template.length) {
            return pi == path.length;
        }
        if (pi == path.length) {
            return false;
        }
        String t = template[ti];
        if (t.equals("{}")) {
            return !path[pi].isEmpty() && matches(template, ti + 1, path, pi + 1);
        }
        if (t.equals(MULTI)) {
            // One or more non-empty segments.
            for (int end = pi + 1; end <= path.length; end++) {
                if (path[end - 1].isEmpty()) {
                    return false;
                }
                if (matches(template, ti + 1, path, end)) {
                    return true;
                }
            }
            return false;
        }
        return t.equals(path[pi]) && matches(template, ti + 1, path, pi + 1);
    }

    private record Template(String template, String[] segments, int literals) {

        Template(String template, String[] segments) {
            this(template, segments, (int) Arrays.stream(segments)
                    .filter(s -> !s.equals("{}") && !s.equals(MULTI)).count());
        }
    }
}
