package io.agentfactory.sdk.codeintel;

import java.util.Objects;

/**
 * A {@code package.json} that was left out of a {@link CrossDepsReport}.
 *
 * @param path the file, relative to the root
 * @param reason why, for example {@code "not valid JSON"} or {@code "dependencies is not an object"} (never its content)
 */
public record UnreadablePackageJson(String path, String reason) {

    /** Checks the values. */
    public UnreadablePackageJson {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
