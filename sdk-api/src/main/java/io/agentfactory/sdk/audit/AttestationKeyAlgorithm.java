package io.agentfactory.sdk.audit;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * AttestationKeyAlgorithm is the signing algorithm used for an attestation.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record AttestationKeyAlgorithm(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "ed25519"}: is the EdDSA attestation algorithm. */
    public static final AttestationKeyAlgorithm ED25519 = new AttestationKeyAlgorithm("ed25519");

    /** {@code "ecdsa-p256"}: is the ECDSA P-256 attestation algorithm. */
    public static final AttestationKeyAlgorithm ECDSA_P256 = new AttestationKeyAlgorithm("ecdsa-p256");

    private static final List<AttestationKeyAlgorithm> KNOWN = List.of(ED25519, ECDSA_P256);

    /** Checks the value is not {@code null}. */
    public AttestationKeyAlgorithm {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AttestationKeyAlgorithm of(String value) {
        for (AttestationKeyAlgorithm known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new AttestationKeyAlgorithm(value);
    }

    /** The declared constants, in declaration order. */
    public static List<AttestationKeyAlgorithm> values() {
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
