package io.agentfactory.sdk.provider;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * ProviderTrustState encodes the three trust states visible in the operator surface.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record ProviderTrustState(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "signed-verified"} value. */
    public static final ProviderTrustState SIGNED_VERIFIED = new ProviderTrustState("signed-verified");

    /** The {@code "signed-unverified"} value. */
    public static final ProviderTrustState SIGNED_UNVERIFIED = new ProviderTrustState("signed-unverified");

    /** The {@code "unsigned"} value. */
    public static final ProviderTrustState UNSIGNED = new ProviderTrustState("unsigned");

    private static final List<ProviderTrustState> KNOWN = List.of(SIGNED_VERIFIED, SIGNED_UNVERIFIED, UNSIGNED);

    /** Checks the value is not {@code null}. */
    public ProviderTrustState {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProviderTrustState of(String value) {
        for (ProviderTrustState known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new ProviderTrustState(value);
    }

    /** The declared constants, in declaration order. */
    public static List<ProviderTrustState> values() {
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
