package io.agentfactory.sdk.fleet;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * SandboxTransportModel is the transport model declared by a SandboxProvider. Values match the `transportModel` capability field in 004.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record SandboxTransportModel(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "dial-in"}: means the orchestrator initiates connections to the sandbox. */
    public static final SandboxTransportModel DIAL_IN = new SandboxTransportModel("dial-in");

    /** {@code "dial-out"}: means the worker boots and dials the orchestrator. */
    public static final SandboxTransportModel DIAL_OUT = new SandboxTransportModel("dial-out");

    /** {@code "either"}: means both models are supported; orchestrator picks. */
    public static final SandboxTransportModel EITHER = new SandboxTransportModel("either");

    private static final List<SandboxTransportModel> KNOWN = List.of(DIAL_IN, DIAL_OUT, EITHER);

    /** Checks the value is not {@code null}. */
    public SandboxTransportModel {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SandboxTransportModel of(String value) {
        for (SandboxTransportModel known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new SandboxTransportModel(value);
    }

    /** The declared constants, in declaration order. */
    public static List<SandboxTransportModel> values() {
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
