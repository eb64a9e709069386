package io.agentfactory.sdk.codeintel;

import java.util.List;
import java.util.Objects;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * A request for the repository map: the files ranked by PageRank over the import graph.
 *
 * <p>The patterns filter the output only: the import graph and the ranks always cover the whole
 * index, so a file left out of the map still passes its rank to the files it imports. A pattern is
 * matched against the file's {@code /}-separated relative path: {@code *ext} without other
 * metacharacters is a suffix match ({@code *.go}); {@code dir/**} matches everything under
 * {@code dir}; anything else is a shell glob ({@code *}, {@code ?}, {@code [...]}) against the whole
 * path, then against the base name ({@code native.go}). A file is kept when any pattern matches.
 *
 * @param maxFiles at most this many entries, 1 to 10,000 (the default is 50)
 * @param filePatterns keep only files matching one of these; empty keeps every file
 */
public record RepoMapQuery(int maxFiles, List<String> filePatterns) {

    /** The reference's default number of entries. */
    public static final int DEFAULT_MAX_FILES = 50;

    /** The largest {@code maxFiles} accepted. */
    public static final int MAX_FILES_LIMIT = 10_000;

    /**
     * Checks the query.
     *
     * @throws InvalidArgumentException when {@code maxFiles} is outside 1..10,000 or a pattern is blank
     */
    public RepoMapQuery {
        Objects.requireNonNull(filePatterns, "filePatterns");
        filePatterns = List.copyOf(filePatterns);
        if (maxFiles < 1 || maxFiles > MAX_FILES_LIMIT) {
            throw new InvalidArgumentException("maxFiles must be within 1.." + MAX_FILES_LIMIT + ": " + maxFiles);
        }
        for (String pattern : filePatterns) {
            if (pattern.isBlank()) {
                throw new InvalidArgumentException("a file pattern must not be blank");
            }
        }
    }

    /** The top 50 files of the whole repository. */
    public static RepoMapQuery defaults() {
        return new RepoMapQuery(DEFAULT_MAX_FILES, List.of());
    }

    /** The top {@code maxFiles} files of the whole repository. */
    public static RepoMapQuery top(int maxFiles) {
        return new RepoMapQuery(maxFiles, List.of());
    }

    /** This query keeping only files matching one of {@code patterns}. */
    public RepoMapQuery withFilePatterns(String... patterns) {
        return new RepoMapQuery(maxFiles, List.of(patterns));
    }
}
