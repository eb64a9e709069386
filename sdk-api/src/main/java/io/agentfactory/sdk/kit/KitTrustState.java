package io.agentfactory.sdk.kit;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * KitTrustState encodes the three trust states visible in the operator surface, mirroring ProviderTrustState for consistency.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record KitTrustState(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "signed-verified"} value. */
    public static final KitTrustState SIGNED_VERIFIED = new KitTrustState("signed-verified");

    /** The {@code "signed-unverified"} value. */
    public static final KitTrustState SIGNED_UNVERIFIED = new KitTrustState("signed-unverified");

    /** The {@code "unsigned"} value. */
    public static final KitTrustState UNSIGNED = new KitTrustState("unsigned");

    private static final List<KitTrustState> KNOWN = List.of(SIGNED_VERIFIED, SIGNED_UNVERIFIED, UNSIGNED);

    /** Checks the value is not {@code null}. */
    public KitTrustState {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static KitTrustState of(String value) {
        for (KitTrustState known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new KitTrustState(value);
    }

    /** The declared constants, in declaration order. */
    public static List<KitTrustState> values() {
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
