package io.agentfactory.sdk.codeintel;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a diff source says about the change besides its diff: where it is, its number, title and body
 * (decisions are read from them), and how many files it claims to change (to check the diff against).
 *
 * @param repository the repository, e.g. {@code "github.com/org/repo"} or a local path
 * @param number the pull request number, {@code 0} for a local change
 * @param title the title ({@code ""} for a local range: no decisions are read from commit messages)
 * @param body the description, {@code ""} when none
 * @param expectedFiles how many files the change touches by the source's own count, when it gives one
 */
public record ChangeDescription(String repository, int number, String title, String body,
        OptionalInt expectedFiles) {

    /** Checks the values. */
    public ChangeDescription {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(expectedFiles, "expectedFiles");
        if (number < 0) {
            throw new IllegalArgumentException("number must not be negative");
        }
    }

    /** A local change of {@code repository}: no number, title or body, no expected file count. */
    public static ChangeDescription local(String repository) {
        return new ChangeDescription(repository, 0, "", "", OptionalInt.empty());
    }
}
