package io.agentfactory.sdk.workarea;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * WorkareaKind disambiguates active pool members from on-disk archives in the GET /api/daemon/workareas response.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record WorkareaKind(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "active"} value. */
    public static final WorkareaKind ACTIVE = new WorkareaKind("active");

    /** The {@code "archived"} value. */
    public static final WorkareaKind ARCHIVED = new WorkareaKind("archived");

    private static final List<WorkareaKind> KNOWN = List.of(ACTIVE, ARCHIVED);

    /** Checks the value is not {@code null}. */
    public WorkareaKind {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static WorkareaKind of(String value) {
        for (WorkareaKind known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new WorkareaKind(value);
    }

    /** The declared constants, in declaration order. */
    public static List<WorkareaKind> values() {
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
