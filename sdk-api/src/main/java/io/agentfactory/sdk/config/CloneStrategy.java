package io.agentfactory.sdk.config;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * CloneStrategy controls how the daemon clones a repo for session workareas.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record CloneStrategy(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "shallow"}: performs a depth-1 clone (fast; no history). */
    public static final CloneStrategy SHALLOW = new CloneStrategy("shallow");

    /** {@code "full"}: performs a full clone (slower; full history). */
    public static final CloneStrategy FULL = new CloneStrategy("full");

    /** {@code "reference-clone"}: clones from an existing local mirror. */
    public static final CloneStrategy REFERENCE_CLONE = new CloneStrategy("reference-clone");

    private static final List<CloneStrategy> KNOWN = List.of(SHALLOW, FULL, REFERENCE_CLONE);

    /** Checks the value is not {@code null}. */
    public CloneStrategy {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CloneStrategy of(String value) {
        for (CloneStrategy known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new CloneStrategy(value);
    }

    /** The declared constants, in declaration order. */
    public static List<CloneStrategy> values() {
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
