package io.agentfactory.sdk.daemon;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * DaemonStatus is the lifecycle state reported by a running rensei-daemon. Values mirror the wire format emitted in NDJSON daemon logs and the registered-status field the orchestrator observes.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record DaemonStatus(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "ready"}: indicates the daemon is running and accepting new work. */
    public static final DaemonStatus READY = new DaemonStatus("ready");

    /** {@code "draining"}: indicates the daemon is finishing in-flight work before restart. */
    public static final DaemonStatus DRAINING = new DaemonStatus("draining");

    /** {@code "paused"}: indicates the daemon is running but not accepting new sessions. */
    public static final DaemonStatus PAUSED = new DaemonStatus("paused");

    /** {@code "stopped"}: indicates the daemon process is not running. */
    public static final DaemonStatus STOPPED = new DaemonStatus("stopped");

    /** {@code "updating"}: indicates the daemon is applying an auto-update. */
    public static final DaemonStatus UPDATING = new DaemonStatus("updating");

    private static final List<DaemonStatus> KNOWN = List.of(READY, DRAINING, PAUSED, STOPPED, UPDATING);

    /** Checks the value is not {@code null}. */
    public DaemonStatus {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DaemonStatus of(String value) {
        for (DaemonStatus known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new DaemonStatus(value);
    }

    /** The declared constants, in declaration order. */
    public static List<DaemonStatus> values() {
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
