package io.agentfactory.sdk.error;

import java.util.List;

/**
 * A configuration file sets two keys that exclude each other (for a repository config:
 * {@code allowedProjects} and {@code projectPaths}, both non-empty).
 */
public class MutuallyExclusiveKeysException extends ConfigFileException {

    private static final long serialVersionUID = 1L;

    private final List<String> keys;

    /**
     * @param file the file's path
     * @param line the 1-based line of the key that came second, or {@code 0} when unknown
     * @param keys the keys that exclude each other, in file order
     */
    public MutuallyExclusiveKeysException(String file, int line, List<String> keys) {
        super(file, line, String.join(" and ", keys) + " are mutually exclusive; set only one", null);
        this.keys = List.copyOf(keys);
    }

    /** The keys that exclude each other, in file order. */
    public List<String> keys() {
        return keys;
    }
}
