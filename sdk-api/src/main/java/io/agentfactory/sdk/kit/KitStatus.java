package io.agentfactory.sdk.kit;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * The runtime status of an installed kit.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record KitStatus(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "active"}: The kit is active. */
    public static final KitStatus ACTIVE = new KitStatus("active");

    /** {@code "disabled"}: The kit is installed but disabled. */
    public static final KitStatus DISABLED = new KitStatus("disabled");

    /** {@code "error"}: The kit failed to load. */
    public static final KitStatus ERROR = new KitStatus("error");

    private static final List<KitStatus> KNOWN = List.of(ACTIVE, DISABLED, ERROR);

    /** Checks the value is not {@code null}. */
    public KitStatus {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static KitStatus of(String value) {
        for (KitStatus known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new KitStatus(value);
    }

    /** The declared constants, in declaration order. */
    public static List<KitStatus> values() {
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
