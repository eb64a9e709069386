package io.agentfactory.sdk.error;

/**
 * A configuration file declares a {@code kind} other than the one expected, or none at all (an
 * empty file included): the file is not the configuration it was taken for.
 */
public class ConfigKindMismatchException extends ConfigFileException {

    private static final long serialVersionUID = 1L;

    private final String expectedKind;
    private final String actualKind;

    /**
     * @param file the file's path
     * @param line the 1-based line of the {@code kind} value, or {@code 0} when the key is missing
     * @param expectedKind the kind required
     * @param actualKind the kind found, {@code ""} when missing
     */
    public ConfigKindMismatchException(String file, int line, String expectedKind, String actualKind) {
        super(file, line, actualKind.isEmpty()
                ? "kind is missing; expected " + expectedKind
                : "kind is " + actualKind + "; expected " + expectedKind, null);
        this.expectedKind = expectedKind;
        this.actualKind = actualKind;
    }

    /** The kind required. */
    public String expectedKind() {
        return expectedKind;
    }

    /** The kind found, {@code ""} when the file has none. */
    public String actualKind() {
        return actualKind;
    }
}
