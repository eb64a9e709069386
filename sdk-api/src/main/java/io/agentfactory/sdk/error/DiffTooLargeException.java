package io.agentfactory.sdk.error;

/**
 * A diff exceeded a bound of its read ({@code DiffLimits}): more bytes or more file sections than
 * allowed. Reading stopped there; nothing was judged.
 */
public class DiffTooLargeException extends CodeDiffException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * @param what the bound exceeded, e.g. {@code "bytes"} or {@code "files"}
     * @param limit its value
     */
    public DiffTooLargeException(String what, long limit) {
        super("diff exceeds the limit of " + limit + " " + what, null);
        this.limit = limit;
    }

    /** The bound that was exceeded. */
    public long limit() {
        return limit;
    }
}
