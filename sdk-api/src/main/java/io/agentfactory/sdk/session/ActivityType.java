package io.agentfactory.sdk.session;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * ActivityType represents the type of an agent activity event.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record ActivityType(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "thought"} value. */
    public static final ActivityType THOUGHT = new ActivityType("thought");

    /** The {@code "action"} value. */
    public static final ActivityType ACTION = new ActivityType("action");

    /** The {@code "response"} value. */
    public static final ActivityType RESPONSE = new ActivityType("response");

    /** The {@code "error"} value. */
    public static final ActivityType ERROR = new ActivityType("error");

    /** The {@code "progress"} value. */
    public static final ActivityType PROGRESS = new ActivityType("progress");

    private static final List<ActivityType> KNOWN = List.of(THOUGHT, ACTION, RESPONSE, ERROR, PROGRESS);

    /** Checks the value is not {@code null}. */
    public ActivityType {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ActivityType of(String value) {
        for (ActivityType known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new ActivityType(value);
    }

    /** The declared constants, in declaration order. */
    public static List<ActivityType> values() {
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
