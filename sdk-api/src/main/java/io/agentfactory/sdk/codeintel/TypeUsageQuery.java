package io.agentfactory.sdk.codeintel;

import java.util.Objects;
import java.util.regex.Pattern;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * A search for the usages of a type by name, over the source files of the repository (no index is
 * needed: the files that contain the name are scanned line by line).
 *
 * @param typeName the type's simple name, an identifier ({@code [A-Za-z_$][A-Za-z0-9_$]*}, at most 256 characters)
 * @param maxResults at most this many usages; {@code 0} means 50
 * @param pathPrefix only files under this relative directory ({@code "packages/web"}), matched on whole path
 *     segments; {@code ""} means all
 */
public record TypeUsageQuery(String typeName, int maxResults, String pathPrefix) {

    /** The limit used when {@code maxResults} is 0. */
    public static final int DEFAULT_MAX_RESULTS = 50;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,255}");

    /**
     * Checks the query and normalises the prefix (no trailing {@code /}).
     *
     * @throws InvalidArgumentException when the name is not an identifier, {@code maxResults} is negative,
     *     or the prefix is absolute or contains a {@code ..} segment
     */
    public TypeUsageQuery {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        if (!IDENTIFIER.matcher(typeName).matches()) {
            throw new InvalidArgumentException("typeName must be an identifier of at most 256 characters");
        }
        if (maxResults < 0) {
            throw new InvalidArgumentException("maxResults must be >= 0: " + maxResults);
        }
        pathPrefix = CrossDepsQuery.relativePrefix("pathPrefix", pathPrefix);
    }

    /** All usages of {@code typeName}, at most 50. */
    public static TypeUsageQuery of(String typeName) {
        return new TypeUsageQuery(typeName, 0, "");
    }

    /** The effective limit. */
    public int limit() {
        return maxResults == 0 ? DEFAULT_MAX_RESULTS : maxResults;
    }
}
