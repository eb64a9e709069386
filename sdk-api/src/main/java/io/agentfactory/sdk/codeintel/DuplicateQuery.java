package io.agentfactory.sdk.codeintel;

import java.util.Objects;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * "Does this code already exist in the repository?"
 *
 * @param content the code to look for
 * @param maxResults at most this many matches; {@code 0} means 1
 * @param threshold the largest SimHash Hamming distance that counts as a near duplicate (0 to 64; the default is 3)
 */
public record DuplicateQuery(String content, int maxResults, int threshold) {

    /** The default near-duplicate threshold. */
    public static final int DEFAULT_THRESHOLD = 3;

    /**
     * Checks the query.
     *
     * @throws InvalidArgumentException when the content is blank, {@code maxResults} is negative or the threshold is outside 0..64
     */
    public DuplicateQuery {
        Objects.requireNonNull(content, "content");
        if (content.isBlank()) {
            throw new InvalidArgumentException("content is required for a duplicate check");
        }
        if (maxResults < 0) {
            throw new InvalidArgumentException("maxResults must be >= 0: " + maxResults);
        }
        if (threshold < 0 || threshold > 64) {
            throw new InvalidArgumentException("threshold must be within 0..64: " + threshold);
        }
    }

    /** A check of {@code content} for its best match at the default threshold. */
    public static DuplicateQuery of(String content) {
        return new DuplicateQuery(content, 0, DEFAULT_THRESHOLD);
    }
}
