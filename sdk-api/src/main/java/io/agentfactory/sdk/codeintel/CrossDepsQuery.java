package io.agentfactory.sdk.codeintel;

import java.util.Objects;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * A check that every import of a workspace package in a JavaScript/TypeScript monorepo is declared in
 * the importing package's {@code package.json}.
 *
 * @param targetPath only source files under this relative directory ({@code "packages/web"}), matched on
 *     whole path segments; {@code ""} means all
 */
public record CrossDepsQuery(String targetPath) {

    /**
     * Checks the path and normalises it (no trailing {@code /}).
     *
     * @throws InvalidArgumentException when the path is absolute or contains a {@code ..} segment
     */
    public CrossDepsQuery {
        targetPath = relativePrefix("targetPath", targetPath);
    }

    /** The whole repository. */
    public static CrossDepsQuery all() {
        return new CrossDepsQuery("");
    }

    /** Only source files under {@code targetPath}. */
    public static CrossDepsQuery under(String targetPath) {
        return new CrossDepsQuery(targetPath);
    }

    /** A relative {@code /}-separated directory prefix without {@code ..}, {@code .}-only or empty segments. */
    static String relativePrefix(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.indexOf('\\') >= 0 || value.indexOf('\0') >= 0) {
            throw new InvalidArgumentException(what + " must use '/' separators and no NUL");
        }
        if (value.startsWith("/") || (value.length() > 1 && value.charAt(1) == ':')) {
            throw new InvalidArgumentException(what + " must be relative to the repository root");
        }
        String trimmed = value;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        for (String segment : trimmed.split("/", -1)) {
            if (segment.equals("..")) {
                throw new InvalidArgumentException(what + " must not contain '..'");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                throw new InvalidArgumentException(what + " must not contain empty or '.' segments");
            }
        }
        return trimmed;
    }
}
