package io.agentfactory.sdk.provider;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * ProviderScope is the activation scope level from 002-provider-base-contract.md.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record ProviderScope(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "project"} value. */
    public static final ProviderScope PROJECT = new ProviderScope("project");

    /** The {@code "org"} value. */
    public static final ProviderScope ORG = new ProviderScope("org");

    /** The {@code "tenant"} value. */
    public static final ProviderScope TENANT = new ProviderScope("tenant");

    /** The {@code "global"} value. */
    public static final ProviderScope GLOBAL = new ProviderScope("global");

    private static final List<ProviderScope> KNOWN = List.of(PROJECT, ORG, TENANT, GLOBAL);

    /** Checks the value is not {@code null}. */
    public ProviderScope {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProviderScope of(String value) {
        for (ProviderScope known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new ProviderScope(value);
    }

    /** The declared constants, in declaration order. */
    public static List<ProviderScope> values() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
