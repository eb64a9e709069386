package io.agentfactory.sdk.provider;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * ProviderSource is where the provider originated.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record ProviderSource(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "bundled"} value. */
    public static final ProviderSource BUNDLED = new ProviderSource("bundled");

    /** The {@code "registry"} value. */
    public static final ProviderSource REGISTRY = new ProviderSource("registry");

    /** The {@code "local"} value. */
    public static final ProviderSource LOCAL = new ProviderSource("local");

    private static final List<ProviderSource> KNOWN = List.of(BUNDLED, REGISTRY, LOCAL);

    /** Checks the value is not {@code null}. */
    public ProviderSource {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProviderSource of(String value) {
        for (ProviderSource known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new ProviderSource(value);
    }

    /** The declared constants, in declaration order. */
    public static List<ProviderSource> values() {
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
