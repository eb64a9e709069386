package io.agentfactory.sdk.error;

/**
 * The daemon reported a failure in the middle of an NDJSON diff with an {@code {"error": …}} line.
 */
public class DiffStreamFailedException extends DiffStreamException {

    private static final long serialVersionUID = 1L;

    private final String serverMessage;

    /**
     * @param method the HTTP method
     * @param path the request path
     * @param serverMessage the daemon's message (bounded by the implementation)
     */
    public DiffStreamFailedException(String method, String path, String serverMessage) {
        super(method, path, "daemon failed mid-stream: " + serverMessage, null);
        this.serverMessage = serverMessage;
    }

    /** The daemon's message. */
    public String serverMessage() {
        return serverMessage;
    }
}
