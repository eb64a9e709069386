package io.agentfactory.sdk.provider;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * ProviderStatus is the current activation status.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record ProviderStatus(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "ready"} value. */
    public static final ProviderStatus READY = new ProviderStatus("ready");

    /** The {@code "degraded"} value. */
    public static final ProviderStatus DEGRADED = new ProviderStatus("degraded");

    /** The {@code "unhealthy"} value. */
    public static final ProviderStatus UNHEALTHY = new ProviderStatus("unhealthy");

    /** The {@code "inactive"} value. */
    public static final ProviderStatus INACTIVE = new ProviderStatus("inactive");

    private static final List<ProviderStatus> KNOWN = List.of(READY, DEGRADED, UNHEALTHY, INACTIVE);

    /** Checks the value is not {@code null}. */
    public ProviderStatus {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProviderStatus of(String value) {
        for (ProviderStatus known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new ProviderStatus(value);
    }

    /** The declared constants, in declaration order. */
    public static List<ProviderStatus> values() {
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
