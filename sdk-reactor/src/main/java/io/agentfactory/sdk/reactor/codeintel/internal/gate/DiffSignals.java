package io.agentfactory.sdk.reactor.codeintel.internal.gate;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first layer's signal tables, as the reference has them: the structural zones a path may fall in,
 * the conventions an added line may show, the decisions a title or body may state, and the normative
 * words of acceptance criteria. Not API.
 */
public final class DiffSignals {

    private DiffSignals() {
    }

    /**
     * A structural zone: a path (with a leading {@code /}) falls in it when one of its directory names
     * matches, case-insensitively.
     *
     * @param name the zone's name, e.g. {@code "Auth layer"}
     * @param tag its tag, e.g. {@code "auth"}
     * @param pattern matches {@code /<dir>/} in the path
     */
    public record Zone(String name, String tag, Pattern pattern) {
        boolean contains(String path) {
            return pattern.matcher("/" + path).find();
        }
    }

    /**
     * A convention an added line may show.
     *
     * @param title its title
     * @param description its description
     * @param confidence its confidence
     * @param pattern what an added line must contain
     */
    public record Convention(String title, String description, double confidence, Pattern pattern) {
        /** Whether {@code line} shows it. */
        public boolean shownBy(String line) {
            if (pattern == ASYNC_AWAIT) {
                // The regex "\basync\b.*\bawait\b" without its quadratic backtracking: some await after the first async.
                Matcher async = ASYNC.matcher(line);
                return async.find() && AWAIT.matcher(line).find(async.end());
            }
            return pattern.matcher(line).find();
        }
    }

    private static Zone zone(String name, String tag, String dirs) {
        return new Zone(name, tag, Pattern.compile("/(" + dirs + ")/", Pattern.CASE_INSENSITIVE));
    }

    /** The zones, in the order their observations are given. */
    public static final List<Zone> ZONES = List.of(
            zone("Auth layer", "auth", "auth|authentication|authorization|middleware"),
            zone("Database layer", "database", "db|database|orm|migrations?|schema"),
            zone("API layer", "api", "api|routes?|endpoints?|controllers?|handlers?"),
            zone("Test layer", "testing", "tests?|spec|__tests?__|e2e|integration"),
            zone("Domain layer", "domain", "domain|core|entities|models"),
            zone("Infrastructure layer", "infra", "adapters?|providers?|infra|infrastructure"),
            zone("UI layer", "ui", "components?|ui|views?|pages?"),
            zone("State layer", "state", "hooks?|composables?|stores?"),
            zone("Config layer", "config", "config|configs?|settings?"),
            zone("Shared utilities", "utils", "utils?|helpers?|lib|shared"));

    private static final Pattern ASYNC_AWAIT = Pattern.compile("\\basync\\b.*\\bawait\\b");
    private static final Pattern ASYNC = Pattern.compile("\\basync\\b");
    private static final Pattern AWAIT = Pattern.compile("\\bawait\\b");

    /** The conventions, in the order their observations are given. */
    public static final List<Convention> CONVENTIONS = List.of(
            new Convention("Result<T, E> error handling",
                    "Code uses Result<T, E> pattern for error propagation instead of throwing.", 0.55,
                    Pattern.compile("Result<[A-Za-z,\\s]+>")),
            new Convention("Async/await concurrency",
                    "Code consistently uses async/await for asynchronous operations.", 0.40, ASYNC_AWAIT),
            new Convention("TypeScript interface-first typing",
                    "New types are defined as interfaces rather than type aliases or classes.", 0.45,
                    Pattern.compile("interface\\s+[A-Z][A-Za-z]+\\s*\\{")),
            new Convention("Named exports convention", "Modules use named exports for public API surface.", 0.40,
                    Pattern.compile("export\\s+(const|function|class|interface|type)\\s+[A-Z]")),
            new Convention("Vitest/Jest test structure", "Tests use describe/it/test block structure.", 0.50,
                    Pattern.compile("describe\\s*\\(|it\\s*\\(|test\\s*\\(")),
            new Convention("Explicit error assertion testing", "Tests explicitly assert on thrown errors.", 0.45,
                    Pattern.compile("\\.toThrow\\(|expect\\.assertions\\(")));

    private static final String TOKEN = "([A-Za-z0-9_\\-.@/]+)";

    /** "chose X over Y" and its variants: groups verb, chosen, alternative. */
    public static final Pattern CHOSE_OVER = Pattern.compile("\\b(chose|picked|selected|choosing|picking|using"
            + "|switched?(?:\\s+to)?)\\s+" + TOKEN + "\\s+(?:over|instead\\s+of|rather\\s+than)\\s+" + TOKEN,
            Pattern.CASE_INSENSITIVE);

    /** "migrated from X to Y": groups verb, from, to. */
    public static final Pattern MIGRATED = Pattern.compile("\\b(migrat(?:e|ed|ing|ion))\\s+(?:from\\s+)?" + TOKEN
            + "\\s+to\\s+" + TOKEN, Pattern.CASE_INSENSITIVE);

    /** "replaced X with Y": groups verb, old, new. */
    public static final Pattern REPLACED = Pattern.compile("\\b(replac(?:e|ed|ing))\\s+" + TOKEN + "\\s+with\\s+"
            + TOKEN, Pattern.CASE_INSENSITIVE);

    /** A normative word of an acceptance criterion. */
    public static final Pattern NORMATIVE = Pattern.compile("\\b(must|should|always|never|required|shall)\\b",
            Pattern.CASE_INSENSITIVE);
}
