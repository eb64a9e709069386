package io.agentfactory.sdk.error;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;

/**
 * A GraphQL server (Linear) answered a query with {@code errors}: a 2xx (or 400) body whose
 * {@code errors[]} names what went wrong. {@link #getMessage()} carries the first message;
 * {@link #messages()} all of them (bounded, never a credential). Not retryable: the same query
 * fails the same way.
 */
public class GraphQlErrorException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final List<String> messages;
    private final @Nullable String code;

    /**
     * @param method the HTTP method of the request
     * @param path the request path
     * @param operation the GraphQL operation name
     * @param messages the {@code errors[].message} values, in order (at least one)
     * @param code the first error's {@code extensions.code}, or {@code null}
     */
    public GraphQlErrorException(String method, String path, String operation, List<String> messages,
            @Nullable String code) {
        super(ErrorKind.GRAPHQL, method, path, prefix(method, path) + "GraphQL " + operation + " failed: "
                + (messages.isEmpty() ? "no message" : messages.get(0)) + (code == null ? "" : " (" + code + ")"),
                null);
        this.operation = operation;
        this.messages = Copies.list(messages);
        this.code = code;
    }

    /** The GraphQL operation that failed. */
    public String operation() {
        return operation;
    }

    /** Every error message the server gave, in order. */
    public List<String> messages() {
        return messages;
    }

    /** The first error's {@code extensions.code}, when the server gave one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
