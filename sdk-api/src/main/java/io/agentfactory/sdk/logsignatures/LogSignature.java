package io.agentfactory.sdk.logsignatures;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.internal.Copies;

/**
 * One entry of the log-signature catalog. A line matches when {@link #pattern()}, a
 * {@link java.util.regex.Pattern} compiled case-insensitively (Unicode), is found anywhere in the
 * part of it the matcher examines (its first 8,192 characters). Words joined by {@code |} and
 * {@code .*} are matched in linear time; other patterns by the backtracking regex engine.
 *
 * @param id a short stable identifier, e.g. {@code "approval-required"}
 * @param pattern the regular expression ({@link java.util.regex.Pattern} syntax)
 * @param type the category of the failure
 * @param severity how much the failure matters
 * @param title a short human title, e.g. {@code "Write attempted before read"}
 */
public record LogSignature(String id, String pattern, PatternType type, Severity severity, String title) {

    /**
     * Normalizes absent values ({@code ""}) and checks the signature can be identified and matched.
     *
     * @throws InvalidArgumentException when {@code id} is blank or {@code pattern} is empty
     */
    public LogSignature {
        id = Copies.text(id);
        pattern = Copies.text(pattern);
        type = type == null ? PatternType.of("") : type;
        severity = severity == null ? Severity.of("") : severity;
        title = Copies.text(title);
        if (id.isBlank()) {
            throw new InvalidArgumentException("a log signature needs an id");
        }
        if (pattern.isEmpty()) {
            throw new InvalidArgumentException("log signature " + id + " needs a pattern");
        }
    }

    /** The deduplication hash of this signature's failures ({@link SignatureHash#of}). */
    public String hash() {
        return SignatureHash.of(type, title);
    }
}
