package io.agentfactory.sdk.logsignatures;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * How much a log failure matters.
 *
 * <p>Unknown values (from a user catalog) are kept unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the string as written in a catalog
 */
public record Severity(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "low"}. */
    public static final Severity LOW = new Severity("low");

    /** {@code "medium"}. */
    public static final Severity MEDIUM = new Severity("medium");

    /** {@code "high"}. */
    public static final Severity HIGH = new Severity("high");

    /** {@code "critical"}: blocks autonomous operation. */
    public static final Severity CRITICAL = new Severity("critical");

    private static final List<Severity> KNOWN = List.of(LOW, MEDIUM, HIGH, CRITICAL);

    /** Checks the value is not {@code null}. */
    public Severity {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Severity of(String value) {
        for (Severity known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new Severity(value);
    }

    /** The declared constants, from least to most severe. */
    public static List<Severity> values() {
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
