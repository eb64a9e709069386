package io.agentfactory.sdk.reactor.logsignatures;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.logsignatures.LogAnalysis;
import io.agentfactory.sdk.logsignatures.LogSignature;
import io.agentfactory.sdk.logsignatures.LogSignatureCatalog;
import io.agentfactory.sdk.logsignatures.LogSignatureMatch;
import io.agentfactory.sdk.logsignatures.SignatureOccurrences;

/**
 * Classifies log lines with a {@link LogSignatureCatalog}: a line belongs to the first signature, in
 * catalog order, whose pattern is found anywhere in it, ignoring case (Unicode). Immutable and
 * thread-safe; options return a new matcher.
 *
 * <pre>{@code
 * LogSignatureMatcher matcher = LogSignatureMatcher.of(catalog).errorLinesOnly(true);
 * Mono<LogAnalysis> analysis = matcher.analyze(logLines);
 * }</pre>
 *
 * <p>Streams are processed one line at a time, on the thread that emits them, with the demand of
 * the subscriber: memory does not grow with the length of the log.
 *
 * <p>Only the first {@value #MAX_EXAMINED_CHARS} characters of a line are examined (a match must
 * lie within them; the line reported with a match is the whole line). Words joined by {@code |}
 * and {@code .*}, which is every pattern of the default catalog, are matched in time linear in
 * those characters; other patterns by {@link java.util.regex.Pattern}, whose backtracking the cut
 * bounds: no line, however long or hostile, costs more than a pattern run over
 * {@value #MAX_EXAMINED_CHARS} characters.
 */
public final class LogSignatureMatcher {

    /** The words a line must contain to be examined when {@link #errorLinesOnly(boolean)} is on. */
    private static final List<String> ERROR_WORDS = List.of(
            "error", "failed", "denied", "timeout", "enoent", "eacces", "econnrefused", "enotfound",
            "etimedout", "rate limit", "permission", "sandbox", "blocked", "approval", "<tool_use_error>",
            "worktree");

    /** How many characters (UTF-16 units) of a line are examined; the rest of the line is never read. */
    public static final int MAX_EXAMINED_CHARS = 8192;

    private static final LogSignatureMatcher DEFAULTS = of(LogSignatureCatalog.defaults());

    private final LogSignatureCatalog catalog;
    private final List<LogSignature> signatures;
    private final List<LinePattern> patterns;
    private final boolean errorLinesOnly;
    private final boolean foldsLines;

    private LogSignatureMatcher(LogSignatureCatalog catalog, List<LinePattern> patterns, boolean errorLinesOnly) {
        this.catalog = catalog;
        this.signatures = catalog.signatures();
        this.patterns = patterns;
        this.errorLinesOnly = errorLinesOnly;
        this.foldsLines = errorLinesOnly || patterns.stream().anyMatch(LinePattern.Literals.class::isInstance);
    }

    /**
     * A matcher for {@code catalog}, examining every line.
     *
     * @throws InvalidArgumentException when a pattern is not a valid regular expression (names the signature)
     */
    public static LogSignatureMatcher of(LogSignatureCatalog catalog) {
        List<LinePattern> patterns = new ArrayList<>(catalog.signatures().size());
        for (LogSignature signature : catalog.signatures()) {
            try {
                patterns.add(LinePattern.compile(signature.pattern()));
            }
            catch (PatternSyntaxException e) {
                throw new InvalidArgumentException(invalidPattern(signature, e));
            }
        }
        return new LogSignatureMatcher(catalog, List.copyOf(patterns), false);
    }

    /** A matcher for the built-in catalog ({@link LogSignatureCatalog#defaults()}), examining every line. */
    public static LogSignatureMatcher defaults() {
        return DEFAULTS;
    }

    /**
     * This matcher, examining only lines that contain an error word (ignoring case): error, failed,
     * denied, timeout, enoent, eacces, econnrefused, enotfound, etimedout, rate limit, permission,
     * sandbox, blocked, approval, {@code <tool_use_error>}, worktree. Other lines never match. Cheaper
     * on long logs that are mostly not errors.
     */
    public LogSignatureMatcher errorLinesOnly(boolean enabled) {
        return enabled == errorLinesOnly ? this : new LogSignatureMatcher(catalog, patterns, enabled);
    }

    /** The catalog this matcher applies. */
    public LogSignatureCatalog catalog() {
        return catalog;
    }

    /** The first signature, in catalog order, that matches {@code line}; empty when none does. */
    public Optional<LogSignature> match(String line) {
        int index = firstMatch(line);
        return index < 0 ? Optional.empty() : Optional.of(signatures.get(index));
    }

    /**
     * The lines of {@code lines} that match a signature, each with its signature and 1-based line
     * number, in order. Lazy and backpressured: a line is requested from {@code lines} only when the
     * subscriber's demand needs it, and none is kept.
     */
    public Flux<LogSignatureMatch> matches(Flux<String> lines) {
        return Flux.defer(() -> {
            LineCounter counter = new LineCounter();
            return lines.handle((line, sink) -> {
                long lineNumber = counter.next();
                int index = firstMatch(line);
                if (index >= 0) {
                    sink.next(new LogSignatureMatch(signatures.get(index), line, lineNumber));
                }
            });
        });
    }

    /**
     * Reads all of {@code lines} and counts, per signature, how many matched, keeping the first
     * {@value SignatureOccurrences#MAX_EXAMPLES} of each as examples (cut to
     * {@value SignatureOccurrences#MAX_EXAMPLE_BYTES} bytes). Holds one counter per signature
     * that matched, however long the log.
     */
    public Mono<LogAnalysis> analyze(Flux<String> lines) {
        return lines.collect(() -> new Tally(signatures.size()), this::tally).map(tally -> tally.toAnalysis(signatures));
    }

    /** Why {@code signature}'s pattern does not compile, naming the signature. */
    static String invalidPattern(LogSignature signature, PatternSyntaxException e) {
        return "signature " + signature.id() + " has an invalid pattern: " + e.getDescription()
                + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "");
    }

    private void tally(Tally tally, String line) {
        tally.add(firstMatch(line), line);
    }

    private int firstMatch(String wholeLine) {
        String line = examined(wholeLine);
        String folded = foldsLines ? LinePattern.fold(line) : line;
        if (errorLinesOnly && !hasErrorWord(folded)) {
            return -1;
        }
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).isFoundIn(line, folded)) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@link #MAX_EXAMINED_CHARS} characters of {@code line}, never ending in half a surrogate pair. */
    static String examined(String line) {
        if (line.length() <= MAX_EXAMINED_CHARS) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(MAX_EXAMINED_CHARS - 1)) ? MAX_EXAMINED_CHARS - 1 : MAX_EXAMINED_CHARS;
        return line.substring(0, end);
    }

    private static boolean hasErrorWord(String foldedLine) {
        for (String word : ERROR_WORDS) {
            if (foldedLine.contains(word)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "LogSignatureMatcher[" + signatures.size() + " signatures, errorLinesOnly=" + errorLinesOnly + "]";
    }

    /** The line number of one subscription; signals are serial, so no synchronization is needed. */
    private static final class LineCounter {

        private long lines;

        long next() {
            return ++lines;
        }
    }

    /** The running counts of one {@link #analyze} subscription, indexed like the catalog. */
    private static final class Tally {

        private final @Nullable Occurrences[] bySignature;
        private final List<Integer> firstSeen = new ArrayList<>();
        private long lines;
        private long matchedLines;

        Tally(int signatures) {
            this.bySignature = new Occurrences[signatures];
        }

        void add(int signature, String line) {
            lines++;
            if (signature < 0) {
                return;
            }
            matchedLines++;
            Occurrences occurrences = bySignature[signature];
            if (occurrences == null) {
                occurrences = new Occurrences();
                bySignature[signature] = occurrences;
                firstSeen.add(signature);
            }
            occurrences.add(line);
        }

        LogAnalysis toAnalysis(List<LogSignature> signatures) {
            List<SignatureOccurrences> found = new ArrayList<>(firstSeen.size());
            for (int index : firstSeen) {
                Occurrences occurrences = bySignature[index];
                if (occurrences != null) {
                    found.add(new SignatureOccurrences(signatures.get(index), occurrences.count, occurrences.examples));
                }
            }
            return new LogAnalysis(lines, matchedLines, found);
        }
    }

    /** One signature's count and examples; examples are cut when kept so a long line is never held. */
    private static final class Occurrences {

        private final List<String> examples = new ArrayList<>(SignatureOccurrences.MAX_EXAMPLES);
        private long count;

        void add(String line) {
            count++;
            if (examples.size() < SignatureOccurrences.MAX_EXAMPLES) {
                examples.add(SignatureOccurrences.example(line));
            }
        }
    }
}
