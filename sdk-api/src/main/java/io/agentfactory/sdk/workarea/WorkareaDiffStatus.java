package io.agentfactory.sdk.workarea;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * WorkareaDiffStatus is the per-entry change classification.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record WorkareaDiffStatus(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "added"} value. */
    public static final WorkareaDiffStatus ADDED = new WorkareaDiffStatus("added");

    /** The {@code "removed"} value. */
    public static final WorkareaDiffStatus REMOVED = new WorkareaDiffStatus("removed");

    /** The {@code "modified"} value. */
    public static final WorkareaDiffStatus MODIFIED = new WorkareaDiffStatus("modified");

    private static final List<WorkareaDiffStatus> KNOWN = List.of(ADDED, REMOVED, MODIFIED);

    /** Checks the value is not {@code null}. */
    public WorkareaDiffStatus {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static WorkareaDiffStatus of(String value) {
        for (WorkareaDiffStatus known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new WorkareaDiffStatus(value);
    }

    /** The declared constants, in declaration order. */
    public static List<WorkareaDiffStatus> values() {
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
