package io.agentfactory.sdk.codeintel;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a {@link DuplicateQuery}: the matches, best first. Order: symbol-exact, file-exact,
 * symbol-near, file-near; then Hamming distance, file path and line.
 *
 * @param matches the matches, at most the query's limit; empty when the content is new
 */
public record DuplicateResult(List<DuplicateMatch> matches) {

    /** Copies the list. */
    public DuplicateResult {
        matches = List.copyOf(matches);
    }

    /** Whether anything matched. */
    public boolean isDuplicate() {
        return !matches.isEmpty();
    }

    /** The best match, when there is one. */
    public Optional<DuplicateMatch> best() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
    }
}
