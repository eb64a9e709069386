package io.agentfactory.sdk.reactor.mock;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stub table and call record shared by the mock clients: one {@link MockRoute} per abstract
 * method of the client interface, and every call in subscription order.
 */
final class MockRoutes {

    /** The warm-up operation of both client interfaces. */
    static final String WARMUP = "warmup";

    private final Class<?> client;
    private final Map<String, MockRoute> routes;
    private final Map<String, AtomicInteger> ordinals = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<MockCall> calls = new ConcurrentLinkedQueue<>();

    MockRoutes(Class<?> client) {
        this.client = client;
        Map<String, MockRoute> table = new TreeMap<>();
        for (Method method : client.getMethods()) {
            // warmup() has a default (nothing to prepare) but is recorded and stubbable like a call.
            boolean operation = Modifier.isAbstract(method.getModifiers()) || method.getName().equals(WARMUP);
            if (operation && (method.getReturnType() == Mono.class
                    || method.getReturnType() == Flux.class)) {
                table.put(method.getName(), new MockRoute(method.getName(), elementType(method),
                        method.getReturnType() == Flux.class));
            }
        }
        this.routes = Map.copyOf(table);
    }

    /** The route of {@code operation}; IllegalArgumentException naming the operations there are. */
    MockRoute route(String operation) {
        MockRoute route = routes.get(operation);
        if (route == null) {
            throw new IllegalArgumentException(client.getSimpleName() + " has no operation " + operation
                    + "; it has " + new TreeMap<>(routes).keySet());
        }
        return route;
    }

    <T> Mono<T> mono(String operation, Supplier<Mono<T>> usual, @Nullable Object... arguments) {
        return Mono.defer(() -> route(operation).respond(record(operation, arguments), usual).next());
    }

    <T> Flux<T> flux(String operation, Supplier<Flux<T>> usual, @Nullable Object... arguments) {
        return Flux.defer(() -> route(operation).respond(record(operation, arguments), usual));
    }

    List<MockCall> calls() {
        return List.copyOf(calls);
    }

    List<MockCall> calls(String operation) {
        route(operation);
        return calls.stream().filter(call -> call.operation().equals(operation)).toList();
    }

    void reset() {
        routes.values().forEach(MockRoute::reset);
        calls.clear();
        ordinals.clear();
    }

    private MockCall record(String operation, @Nullable Object[] arguments) {
        int ordinal = ordinals.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
        MockCall call = MockCall.of(operation, ordinal, arguments);
        calls.add(call);
        return call;
    }

    private static Class<?> elementType(Method method) {
        Type returned = method.getGenericReturnType();
        Type element = returned instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        if (element instanceof ParameterizedType p) {
            element = p.getRawType();
        }
        return element instanceof Class<?> c ? c : Object.class;
    }
}
