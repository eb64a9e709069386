package io.agentfactory.sdk.error;

/**
 * A configuration file that must exist does not: no repository config under a repository root, or
 * an explicitly named log-signature catalog. {@link #file()} is the path that was looked for first.
 */
public class ConfigFileNotFoundException extends ConfigFileException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file the path looked for (the preferred one when there are fallbacks)
     * @param message what was looked for, and where
     */
    public ConfigFileNotFoundException(String file, String message) {
        super(file, 0, message, null);
    }
}
