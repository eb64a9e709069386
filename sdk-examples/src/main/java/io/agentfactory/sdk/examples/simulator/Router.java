package io.agentfactory.sdk.examples.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Matches a request path against route templates ({@link SimulatedRoutes}) the way the real
 * services do: each raw segment is percent-decoded on its own (so {@code %2F} never splits a
 * segment), a {@code {name}} parameter takes one segment and a {@code {name+}} parameter takes
 * every segment up to the literal ones that end the template — a kit action is only ever the last
 * segment. When several templates match a path, the one with the most literal segments wins; a
 * path matched only under another method is a 405.
 */
final class Router {

    /** What a route does with a matched request. */
    interface Handler extends Function<Exchange, Mono<Reply>> {
    }

    /** One route: its key ({@code "GET /api/…"}), parsed template and handler. */
    record Route(String key, String method, List<Segment> segments, Handler handler) {

        int literals() {
            return (int) segments.stream().filter(s -> s instanceof Literal).count();
        }
    }

    /** A template segment. */
    sealed interface Segment permits Literal, Param, Greedy {
    }

    record Literal(String text) implements Segment {
    }

    record Param(String name) implements Segment {
    }

    record Greedy(String name) implements Segment {
    }

    /** The outcome of matching: a route and its parameters, or the error status to answer. */
    record Match(@Nullable Route route, Map<String, String> params, int status, Set<String> allowed) {

        String counterKey() {
            return route == null ? SimulatedRoutes.UNMATCHED : route.key();
        }
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds the route {@code key} ({@code "<METHOD> <template>"}) answered by {@code handler}. */
    Router route(String key, Handler handler) {
        int space = key.indexOf(' ');
        String method = key.substring(0, space);
        List<Segment> segments = new ArrayList<>();
        for (String part : key.substring(space + 2).split("/", -1)) {
            if (part.startsWith("{") && part.endsWith("+}")) {
                segments.add(new Greedy(part.substring(1, part.length() - 2)));
            }
            else if (part.startsWith("{") && part.endsWith("}")) {
                segments.add(new Param(part.substring(1, part.length() - 1)));
            }
            else {
                segments.add(new Literal(part));
            }
        }
        routes.add(new Route(key, method, List.copyOf(segments), handler));
        return this;
    }

    /** Matches {@code method} and the raw (still percent-encoded) {@code rawPath}. */
    Match match(String method, String rawPath) {
        if (!rawPath.startsWith("/")) {
            return new Match(null, Map.of(), 404, Set.of());
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(1).split("/", -1)) {
            String decoded = decodeSegment(raw);
            if (decoded == null) {
                return new Match(null, Map.of(), 400, Set.of());
            }
            segments.add(decoded);
        }
        int best = -1;
        List<Map.Entry<Route, Map<String, String>>> candidates = new ArrayList<>();
        for (Route route : routes) {
            Map<String, String> params = bind(route.segments(), segments);
            if (params == null) {
                continue;
            }
            if (route.literals() > best) {
                best = route.literals();
                candidates.clear();
            }
            if (route.literals() == best) {
                candidates.add(Map.entry(route, params));
            }
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (Map.Entry<Route, Map<String, String>> candidate : candidates) {
            if (candidate.getKey().method().equals(method)) {
                return new Match(candidate.getKey(), candidate.getValue(), 200, Set.of());
            }
            allowed.add(candidate.getKey().method());
        }
        return new Match(null, Map.of(), allowed.isEmpty() ? 404 : 405, allowed);
    }

    private static @Nullable Map<String, String> bind(List<Segment> template, List<String> path) {
        int greedyAt = -1;
        for (int i = 0; i < template.size(); i++) {
            if (template.get(i) instanceof Greedy) {
                greedyAt = i;
            }
        }
        if (greedyAt < 0 ? path.size() != template.size() : path.size() < template.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        int tail = template.size() - greedyAt - 1;
        for (int i = 0; i < template.size(); i++) {
            Segment segment = template.get(i);
            if (segment instanceof Greedy greedy) {
                List<String> taken = path.subList(i, path.size() - tail);
                if (taken.stream().anyMatch(String::isEmpty)) {
                    return null;
                }
                params.put(greedy.name(), String.join("/", taken));
                continue;
            }
            String actual = greedyAt >= 0 && i > greedyAt ? path.get(path.size() - (template.size() - i)) : path.get(i);
            if (segment instanceof Literal literal ? !literal.text().equals(actual) : actual.isEmpty()) {
                return null;
            }
            if (segment instanceof Param param) {
                params.put(param.name(), actual);
            }
        }
        return params;
    }

    /**
     * Percent-decodes one path segment as UTF-8 ({@code +} stays a plus: this is a path, not a
     * form). {@code null} when the escapes or the UTF-8 are malformed.
     */
    static @Nullable String decodeSegment(String raw) {
        if (raw.chars().allMatch(c -> c != '%' && c < 0x80)) {
            return raw;
        }
        // Netty hands over the request line one char per byte, so a char below 256 is a raw byte.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0xFF) {
                return null;
            }
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= raw.length()) {
                return null;
            }
            int high = Character.digit(raw.charAt(i + 1), 16);
            int low = Character.digit(raw.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        }
        catch (CharacterCodingException e) {
            return null;
        }
    }
}
