package io.agentfactory.sdk.reactor.internal.http;

import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Removes a client's secret from text a server sent back (an echoed token must never reach an
 * exception message or a log). Not API.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String REDACTED = "REDACTED";

    private Redaction() {
    }

    /** Replaces every occurrence of {@code secret} by {@value #REDACTED}; the identity when there is none. */
    public static UnaryOperator<String> of(@Nullable String secret) {
        if (secret == null || secret.isEmpty()) {
            return UnaryOperator.identity();
        }
        return text -> text.replace(secret, REDACTED);
    }
}
