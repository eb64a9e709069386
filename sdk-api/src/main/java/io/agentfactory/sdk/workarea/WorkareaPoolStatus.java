package io.agentfactory.sdk.workarea;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * WorkareaPoolStatus is the state of a workarea pool member, from the pool-member state machine in 003-workarea-provider.md.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record WorkareaPoolStatus(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "warming"} value. */
    public static final WorkareaPoolStatus WARMING = new WorkareaPoolStatus("warming");

    /** The {@code "ready"} value. */
    public static final WorkareaPoolStatus READY = new WorkareaPoolStatus("ready");

    /** The {@code "acquired"} value. */
    public static final WorkareaPoolStatus ACQUIRED = new WorkareaPoolStatus("acquired");

    /** The {@code "releasing"} value. */
    public static final WorkareaPoolStatus RELEASING = new WorkareaPoolStatus("releasing");

    /** The {@code "invalid"} value. */
    public static final WorkareaPoolStatus INVALID = new WorkareaPoolStatus("invalid");

    /** The {@code "retired"} value. */
    public static final WorkareaPoolStatus RETIRED = new WorkareaPoolStatus("retired");

    /** The {@code "archived"} value. */
    public static final WorkareaPoolStatus ARCHIVED = new WorkareaPoolStatus("archived");

    private static final List<WorkareaPoolStatus> KNOWN = List.of(WARMING, READY, ACQUIRED, RELEASING, INVALID, RETIRED, ARCHIVED);

    /** Checks the value is not {@code null}. */
    public WorkareaPoolStatus {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static WorkareaPoolStatus of(String value) {
        for (WorkareaPoolStatus known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new WorkareaPoolStatus(value);
    }

    /** The declared constants, in declaration order. */
    public static List<WorkareaPoolStatus> values() {
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
