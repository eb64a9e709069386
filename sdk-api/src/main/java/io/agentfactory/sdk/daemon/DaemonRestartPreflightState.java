package io.agentfactory.sdk.daemon;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * The permission a restart preflight ({@code POST /api/daemon/restart/prepare}) grants; a closed registry: any other value is refused by the client.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record DaemonRestartPreflightState(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "prepared"}: every non-empty authority scope durably acknowledged the daemon's one restart snapshot. */
    public static final DaemonRestartPreflightState PREPARED = new DaemonRestartPreflightState("prepared");

    /** {@code "not_required"}: the drained daemon proved its frozen snapshot has no session-shim correlations to fence. */
    public static final DaemonRestartPreflightState NOT_REQUIRED = new DaemonRestartPreflightState("not_required");

    private static final List<DaemonRestartPreflightState> KNOWN = List.of(PREPARED, NOT_REQUIRED);

    /** Checks the value is not {@code null}. */
    public DaemonRestartPreflightState {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DaemonRestartPreflightState of(String value) {
        for (DaemonRestartPreflightState known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new DaemonRestartPreflightState(value);
    }

    /** The declared constants, in declaration order. */
    public static List<DaemonRestartPreflightState> values() {
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
