package io.agentfactory.sdk.examples.simulator;

import java.util.Map;

/**
 * Ends a route handler early with an error answer (404 for an unknown id, 400 for a bad body, …).
 * Thrown by the simulated state and turned into its {@link #reply()} by the endpoint.
 */
final class Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    Rejection(Reply reply) {
        super(null, null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }

    /** 404 {@code {"error":"<what> not found: <id>"}}. */
    static Rejection notFound(String what, String id) {
        return new Rejection(Reply.error(404, what + " not found: " + id));
    }

    /** 400 {@code {"error": message}}. */
    static Rejection badRequest(String message) {
        return new Rejection(Reply.error(400, message));
    }

    /** 400 with a plain-text body, as the daemon answers malformed requests. */
    static Rejection badRequestText(String message) {
        return new Rejection(Reply.text(400, message));
    }

    /** 409 {@code {"error": message}}. */
    static Rejection conflict(String message) {
        return new Rejection(Reply.error(409, message));
    }

    /** {@code status} with {@code {"error": message, ...extra}}. */
    static Rejection of(int status, String message, Map<String, ?> extra) {
        return new Rejection(Reply.error(status, message, extra));
    }
}
