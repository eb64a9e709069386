package io.agentfactory.sdk.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command-line flags of the examples: {@code --name value} or {@code --name=value}, and the
 * switches {@code --simulator} and {@code --allow-changes}. Blank arguments are ignored, and an
 * argument that starts with {@code --} and holds spaces is split, because
 * {@code -Ddemo.args="--session s1 --events 3"} reaches {@code main} as one argument.
 */
public final class ExampleArguments {

    /** Flags that take a value. */
    static final Set<String> OPTIONS = Set.of("coordinator-url", "token", "daemon-url", "control-token", "daemon-yaml",
            "session", "events", "archive-a", "archive-b", "entries", "kit", "repository",
            // --- CodeSearch ---
            "path", "symbol", "phrase");
    /** Flags that stand alone. */
    static final Set<String> SWITCHES = Set.of("simulator", "allow-changes");

    private final Map<String, String> values;

    private ExampleArguments(Map<String, String> values) {
        this.values = values;
    }

    /** No flags: the embedded simulator with every default. */
    public static ExampleArguments none() {
        return new ExampleArguments(Map.of());
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException for an unknown flag, a flag without its value, or a stray value
     */
    public static ExampleArguments parse(String... args) {
        List<String> tokens = new ArrayList<>();
        for (String arg : args) {
            if (arg == null || arg.isBlank()) {
                continue;
            }
            String trimmed = arg.strip();
            if (trimmed.startsWith("--") && trimmed.chars().anyMatch(Character::isWhitespace)) {
                tokens.addAll(Arrays.asList(trimmed.split("\\s+")));
            }
            else {
                tokens.add(arg);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!token.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + token + "'; flags look like --name value");
            }
            String name = token.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (SWITCHES.contains(name) && value == null) {
                values.put(name, "true");
                continue;
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name + "; known: " + known());
            }
            if (value == null) {
                if (i + 1 >= tokens.size()) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = tokens.get(++i);
            }
            values.put(name, value);
        }
        return new ExampleArguments(Map.copyOf(values));
    }

    /** The value of {@code --name}, when given and not blank. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    /** Whether the switch {@code --name} was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * The value of {@code --name} as a whole number ({@code 1_000_000} and {@code 1,000,000} are
     * accepted), or {@code orElse}.
     *
     * @throws IllegalArgumentException when the value is not a number
     */
    public long number(String name, long orElse) {
        return value(name).map(v -> {
            try {
                return Long.parseLong(v.replace("_", "").replace(",", ""));
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number: '" + v + "'");
            }
        }).orElse(orElse);
    }

    private static String known() {
        List<String> all = new ArrayList<>(OPTIONS);
        all.addAll(SWITCHES);
        all.sort(null);
        return "--" + String.join(", --", all);
    }

    @Override
    public String toString() {
        // Tokens never printed.
        List<String> shown = new ArrayList<>();
        values.forEach((k, v) -> shown.add(k.contains("token") ? k + "=REDACTED" : k + "=" + v));
        return "ExampleArguments" + shown;
    }
}
