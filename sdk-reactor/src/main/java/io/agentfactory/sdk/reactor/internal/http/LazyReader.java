package io.agentfactory.sdk.reactor.internal.http;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

/** A Jackson reader built on first use (racing threads may both build one; either is kept). */
final class LazyReader {

    private final Supplier<ObjectReader> factory;
    private volatile @Nullable ObjectReader reader;

    LazyReader(Supplier<ObjectReader> factory) {
        this.factory = factory;
    }

    /** Whether the reader is built (then {@link #get()} builds nothing). */
    boolean built() {
        return reader != null;
    }

    ObjectReader get() {
        ObjectReader current = reader;
        if (current == null) {
            current = factory.get();
            reader = current;
        }
        return current;
    }
}
