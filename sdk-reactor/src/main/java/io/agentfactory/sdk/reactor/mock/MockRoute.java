package io.agentfactory.sdk.reactor.mock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.error.AgentFactoryException;

/**
 * How a mock answers one operation of its client interface (from {@code mock.stub("getStats")}):
 * the mock's usual answer until told otherwise. Each setting replaces the previous one of its
 * kind and returns this route, so they chain; a setting applies to calls subscribed after it.
 *
 * <pre>{@code
 * mock.stub("getSessionDetail").answer(detail);                      // replace the answer
 * mock.stub("getStats").failTimes(2, new UnavailableException(...));  // two typed failures, then the answer
 * mock.stub("listKits").delay(Duration.ofSeconds(2));                // latency (virtual time works)
 * mock.stub("getAgent").answerWith(call -> Mono.just(card(call.argument(0))));
 * }</pre>
 *
 * Thread-safe.
 */
public final class MockRoute {

    private final String operation;
    private final Class<?> elementType;
    private final boolean many;

    private volatile @Nullable Function<MockCall, Publisher<?>> answer;
    private volatile Duration delay = Duration.ZERO;
    private volatile @Nullable AgentFactoryException failure;
    private int failuresLeft;

    MockRoute(String operation, Class<?> elementType, boolean many) {
        this.operation = operation;
        this.elementType = elementType;
        this.many = many;
    }

    /** The operation this route answers. */
    public String operation() {
        return operation;
    }

    /**
     * Answers with {@code value}: for a {@code Mono} operation the value itself, for a
     * {@code Flux} operation a {@code List} of its elements.
     *
     * @throws IllegalArgumentException when the value is not of the operation's type
     */
    public MockRoute answer(Object value) {
        Objects.requireNonNull(value, "value");
        if (many) {
            if (!(value instanceof List<?> elements)) {
                throw new IllegalArgumentException(operation + " is a Flux of " + elementType.getSimpleName()
                        + ": answer with a List of them, not " + value.getClass().getSimpleName());
            }
            List<Object> copy = new ArrayList<>(elements.size());
            for (Object element : elements) {
                copy.add(checked(element));
            }
            List<Object> answerElements = List.copyOf(copy);
            answer = call -> Flux.fromIterable(answerElements);
        }
        else {
            Object checked = checked(value);
            answer = call -> Mono.just(checked);
        }
        return this;
    }

    /**
     * Answers each call with what {@code answer} returns for it (elements of the operation's type;
     * a wrong one fails the call with a {@code ClassCastException} naming both types).
     */
    public MockRoute answerWith(Function<? super MockCall, ? extends Publisher<?>> answer) {
        Objects.requireNonNull(answer, "answer");
        this.answer = answer::apply;
        return this;
    }

    /** Fails every call with {@code error} (signalled, never thrown). */
    public MockRoute fail(AgentFactoryException error) {
        return failTimes(Integer.MAX_VALUE, error);
    }

    /**
     * Fails the next {@code times} calls with {@code error}, then answers as before: e.g. two 503s
     * for a retry to get past.
     *
     * @throws IllegalArgumentException when {@code times} is not positive
     */
    public MockRoute failTimes(int times, AgentFactoryException error) {
        Objects.requireNonNull(error, "error");
        if (times < 1) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        synchronized (this) {
            failure = error;
            failuresLeft = times;
        }
        return this;
    }

    /**
     * Starts each answer (or failure) {@code latency} after subscription, on
     * {@code Schedulers.parallel()}: under {@code StepVerifier.withVirtualTime} it costs no time.
     *
     * @throws IllegalArgumentException when the latency is negative
     */
    public MockRoute delay(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        delay = latency;
        return this;
    }

    /** Back to the mock's usual answer, no failure, no latency. */
    public MockRoute reset() {
        synchronized (this) {
            answer = null;
            failure = null;
            failuresLeft = 0;
        }
        delay = Duration.ZERO;
        return this;
    }

    /** The answer to {@code call}: a stubbed failure, a stubbed answer or {@code usual}, after the delay. */
    <T> Flux<T> respond(MockCall call, Supplier<? extends Publisher<T>> usual) {
        AgentFactoryException error = takeFailure();
        Flux<T> response;
        if (error != null) {
            response = Flux.error(error);
        }
        else {
            Function<MockCall, Publisher<?>> stubbed = answer;
            response = stubbed == null ? Flux.from(usual.get()) : Flux.from(stubbed.apply(call)).map(this::cast);
        }
        Duration latency = delay;
        return latency.isZero() ? response : Mono.delay(latency).thenMany(response);
    }

    private synchronized @Nullable AgentFactoryException takeFailure() {
        if (failure == null || failuresLeft == 0) {
            return null;
        }
        if (failuresLeft != Integer.MAX_VALUE) {
            failuresLeft--;
        }
        return failure;
    }

    private Object checked(@Nullable Object value) {
        Objects.requireNonNull(value, "an answer holds no null");
        if (!elementType.isInstance(value)) {
            throw new IllegalArgumentException(operation + " answers " + elementType.getSimpleName() + ", not "
                    + value.getClass().getSimpleName());
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private <T> T cast(Object value) {
        if (!elementType.isInstance(value)) {
            throw new ClassCastException(operation + " answers " + elementType.getSimpleName() + ", not "
                    + value.getClass().getSimpleName());
        }
        return (T) value;
    }

    @Override
    public String toString() {
        return "MockRoute[" + operation + "]";
    }
}
