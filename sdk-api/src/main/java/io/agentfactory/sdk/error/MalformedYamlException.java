package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * A configuration file is not well-formed YAML, or is YAML this SDK refuses to read: invalid UTF-8,
 * a syntax error, a duplicate key, more than one document, or a document past a safety limit
 * (size, nesting depth, number of aliases).
 */
public class MalformedYamlException extends ConfigFileException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file the file's path
     * @param line the 1-based line of the problem, or {@code 0} when unknown
     * @param message what is wrong
     * @param cause the parser's exception, or {@code null}
     */
    public MalformedYamlException(String file, int line, String message, @Nullable Throwable cause) {
        super(file, line, message, cause);
    }
}
