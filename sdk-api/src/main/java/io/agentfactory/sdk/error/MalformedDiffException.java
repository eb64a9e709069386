package io.agentfactory.sdk.error;

/**
 * A diff is not a unified diff in git's format where it must be: a hunk header ({@code @@ -a,b +c,d @@})
 * that does not parse. Names the line.
 */
public class MalformedDiffException extends CodeDiffException {

    private static final long serialVersionUID = 1L;

    private final long line;

    /**
     * @param line the 1-based line number in the diff
     * @param message what is wrong with it
     */
    public MalformedDiffException(long line, String message) {
        super("diff line " + line + ": " + message, null);
        this.line = line;
    }

    /** The 1-based line number of the malformed line. */
    public long line() {
        return line;
    }
}
