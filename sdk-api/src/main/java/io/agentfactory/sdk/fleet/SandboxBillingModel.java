package io.agentfactory.sdk.fleet;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * SandboxBillingModel is the billing model declared by a SandboxProvider. Values match the `billingModel` capability field in 004.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record SandboxBillingModel(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "wall-clock"}: means the provider charges for every second the sandbox runs. */
    public static final SandboxBillingModel WALL_CLOCK = new SandboxBillingModel("wall-clock");

    /** {@code "active-cpu"}: means the provider charges only for active CPU time. */
    public static final SandboxBillingModel ACTIVE_CPU = new SandboxBillingModel("active-cpu");

    /** {@code "invocation"}: means the provider charges per invocation (FaaS-style). */
    public static final SandboxBillingModel INVOCATION = new SandboxBillingModel("invocation");

    /** {@code "fixed"}: means the provider uses user-owned hardware (no per-session charge). */
    public static final SandboxBillingModel FIXED = new SandboxBillingModel("fixed");

    private static final List<SandboxBillingModel> KNOWN = List.of(WALL_CLOCK, ACTIVE_CPU, INVOCATION, FIXED);

    /** Checks the value is not {@code null}. */
    public SandboxBillingModel {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SandboxBillingModel of(String value) {
        for (SandboxBillingModel known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new SandboxBillingModel(value);
    }

    /** The declared constants, in declaration order. */
    public static List<SandboxBillingModel> values() {
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
