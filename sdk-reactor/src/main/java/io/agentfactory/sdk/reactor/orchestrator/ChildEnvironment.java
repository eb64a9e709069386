package io.agentfactory.sdk.reactor.orchestrator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The environment an agent child process gets: pure functions, no I/O.
 *
 * <ul>
 * <li>The {@linkplain #DEFAULT_BLOCKLIST blocklist} (provider API keys and gateway settings) applies
 * to the <em>inherited</em> layer only; explicit layers are trusted and may set those keys.</li>
 * <li>{@linkplain #isRunnerOnly Runner-only keys} ({@code ATTACH_TOKEN}, {@code ATTACH_TOKEN_FILE},
 * {@code ATTACH_URL}, any {@code DONMAI_SESSION_SHIM*}) are removed from every layer, explicit ones
 * included, and so are bare entries without {@code =}.</li>
 * <li>{@link #compose} gives {@code KEY=VALUE} sorted by key; {@link #composeChildEnv} keeps the
 * parent's order and appends the explicit keys sorted. Empty values are kept. A later layer's value
 * replaces an earlier one's in place.</li>
 * <li>{@link #looksSensitive} names the keys whose values a log must redact.</li>
 * </ul>
 */
public final class ChildEnvironment {

    /** The inherited keys a child never sees unless an explicit layer sets them. */
    public static final Set<String> DEFAULT_BLOCKLIST = Set.of("AMP_API_KEY", "ANTHROPIC_API_KEY",
            "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL", "DONMAI_GATEWAY_UPSTREAM_API_KEY",
            "DONMAI_GATEWAY_UPSTREAM_BASE_URL", "GEMINI_API_KEY", "GOOGLE_API_KEY", "OPENCLAW_GATEWAY_TOKEN",
            "OPENAI_API_KEY");

    /** The keys only the runner may hold, removed from every layer. */
    public static final Set<String> RUNNER_ONLY_KEYS = Set.of("ATTACH_TOKEN", "ATTACH_TOKEN_FILE", "ATTACH_URL");

    /** Every key starting with this is runner-only. */
    public static final String RUNNER_ONLY_PREFIX = "DONMAI_SESSION_SHIM";

    private static final List<String> SENSITIVE_MARKERS = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD",
            "PRIVATE_KEY", "API_KEY");

    private ChildEnvironment() {
    }

    /** Whether {@code key} is for the runner only: never passed to a child from any layer. */
    public static boolean isRunnerOnly(String key) {
        return RUNNER_ONLY_KEYS.contains(key) || key.startsWith(RUNNER_ONLY_PREFIX);
    }

    /**
     * Whether {@code key} names a secret whose value logs must redact: it contains {@code TOKEN},
     * {@code SECRET}, {@code PASSWORD}, {@code PASSWD}, {@code PRIVATE_KEY} or {@code API_KEY}
     * (case-insensitively).
     */
    public static boolean looksSensitive(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        for (String marker : SENSITIVE_MARKERS) {
            if (upper.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code environ} ({@code KEY=VALUE} entries) without runner-only keys and without bare
     * entries that have no {@code =}; order kept.
     */
    public static List<String> filterRunnerOnly(List<String> environ) {
        List<String> kept = new ArrayList<>(environ.size());
        for (String entry : environ) {
            int eq = entry.indexOf('=');
            if (eq > 0 && !isRunnerOnly(entry.substring(0, eq))) {
                kept.add(entry);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * The child environment as sorted {@code KEY=VALUE} entries: {@code inherited} minus the
     * blocklist and runner-only keys, then each explicit layer in order (minus runner-only keys),
     * later values replacing earlier ones.
     *
     * @param blocklist the inherited keys to drop; {@code null} for {@link #DEFAULT_BLOCKLIST}, empty to drop none
     */
    public static List<String> compose(Map<String, String> inherited, List<Map<String, String>> explicitLayers,
            @Nullable Set<String> blocklist) {
        TreeMap<String, String> sorted = new TreeMap<>(merge(entries(inherited), explicitLayers, blocklist));
        return join(sorted);
    }

    /**
     * The child environment in the parent's order: {@code parent} ({@code KEY=VALUE} entries, as
     * the process inherited them) minus bare entries, the blocklist and runner-only keys; then the
     * explicit layers' keys the parent lacks, sorted. A key the parent has keeps its position and
     * takes the last explicit value.
     *
     * @param blocklist the inherited keys to drop; {@code null} for {@link #DEFAULT_BLOCKLIST}, empty to drop none
     */
    public static List<String> composeChildEnv(List<String> parent, List<Map<String, String>> explicitLayers,
            @Nullable Set<String> blocklist) {
        LinkedHashMap<String, String> inherited = new LinkedHashMap<>();
        for (String entry : filterRunnerOnly(parent)) {
            int eq = entry.indexOf('=');
            inherited.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        LinkedHashMap<String, String> merged = merge(inherited, List.of(), blocklist);
        TreeMap<String, String> added = new TreeMap<>();
        for (Map<String, String> layer : explicitLayers) {
            layer.forEach((key, value) -> {
                if (isRunnerOnly(key) || !validKey(key)) {
                    return;
                }
                if (merged.containsKey(key)) {
                    merged.put(key, value);
                }
                else {
                    added.put(key, value);
                }
            });
        }
        merged.putAll(added);
        return join(merged);
    }

    /** The composed entries as a map, in their order. */
    public static Map<String, String> toMap(List<String> entries) {
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                map.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return map;
    }

    /** The entries as a log may show them: the value of every {@linkplain #looksSensitive sensitive} key is {@code REDACTED}. */
    public static List<String> redactedForLog(List<String> entries) {
        List<String> shown = new ArrayList<>(entries.size());
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry : entry.substring(0, eq);
            shown.add(eq >= 0 && looksSensitive(key) ? key + "=REDACTED" : entry);
        }
        return List.copyOf(shown);
    }

    private static LinkedHashMap<String, String> entries(Map<String, String> inherited) {
        return new LinkedHashMap<>(new TreeMap<>(inherited));
    }

    private static LinkedHashMap<String, String> merge(Map<String, String> inherited,
            List<Map<String, String>> explicitLayers, @Nullable Set<String> blocklist) {
        Set<String> blocked = blocklist == null ? DEFAULT_BLOCKLIST : blocklist;
        LinkedHashMap<String, String> merged = new LinkedHashMap<>();
        inherited.forEach((key, value) -> {
            if (validKey(key) && !blocked.contains(key) && !isRunnerOnly(key)) {
                merged.put(key, value);
            }
        });
        for (Map<String, String> layer : explicitLayers) {
            layer.forEach((key, value) -> {
                if (validKey(key) && !isRunnerOnly(key)) {
                    merged.put(key, value);
                }
            });
        }
        return merged;
    }

    private static boolean validKey(String key) {
        return !key.isEmpty() && key.indexOf('=') < 0 && key.indexOf('\0') < 0;
    }

    private static List<String> join(Map<String, String> env) {
        List<String> out = new ArrayList<>(env.size());
        env.forEach((key, value) -> out.add(key + "=" + value));
        return List.copyOf(out);
    }
}
