package io.agentfactory.sdk.error;

import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * A configuration file ({@code daemon.yaml}, a repository config, a log-signature catalog) could not
 * be read, parsed, validated or written. Names the file and, when the parser knows it, the line.
 * Nothing was written when this is signalled.
 */
public class ConfigFileException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param file the file's path
     * @param line the 1-based line, or {@code 0} when unknown
     * @param message what is wrong
     * @param cause the cause, or {@code null}
     */
    public ConfigFileException(String file, int line, String message, @Nullable Throwable cause) {
        super(ErrorKind.CONFIG_FILE, null, null, file + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    /** The file's path. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, when known. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
