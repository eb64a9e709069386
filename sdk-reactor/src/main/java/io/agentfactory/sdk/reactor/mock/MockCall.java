package io.agentfactory.sdk.reactor.mock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One call a mock client answered, recorded when the returned {@code Mono}/{@code Flux} was
 * subscribed (as the real client sends its request then; a resubscription, e.g. by
 * {@code retry()}, is another call).
 *
 * @param operation the client interface's method, e.g. {@code "getSessionDetail"}
 * @param arguments the method's arguments in order; an absent ({@code null}) argument is
 *                  recorded as {@link Optional#empty()}
 * @param ordinal   1 for the first call of this operation on this mock, 2 for the next, …
 */
public record MockCall(String operation, List<Object> arguments, int ordinal) {

    /** Requires an operation; copies the arguments. */
    public MockCall {
        Objects.requireNonNull(operation, "operation");
        arguments = List.copyOf(arguments);
    }

    static MockCall of(String operation, int ordinal, @Nullable Object... arguments) {
        List<Object> recorded = new ArrayList<>(arguments.length);
        for (Object argument : arguments) {
            recorded.add(argument == null ? Optional.empty() : argument);
        }
        return new MockCall(operation, Collections.unmodifiableList(recorded), ordinal);
    }

    /** The argument at {@code index}. */
    public Object argument(int index) {
        return arguments.get(index);
    }
}
