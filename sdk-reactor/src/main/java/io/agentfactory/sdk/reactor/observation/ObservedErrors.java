package io.agentfactory.sdk.reactor.observation;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.AgentFactoryException;

/** The bounded {@code error} value of a failure: its error kind, {@code NONE} or {@code OTHER}. */
final class ObservedErrors {

    static final String NONE = "NONE";

    private ObservedErrors() {
    }

    static String kindOf(@Nullable Throwable error) {
        if (error == null) {
            return NONE;
        }
        return error instanceof AgentFactoryException e ? e.kind().name() : "OTHER";
    }
}
