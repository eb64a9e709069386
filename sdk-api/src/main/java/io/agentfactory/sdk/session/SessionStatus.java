package io.agentfactory.sdk.session;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * SessionStatus matches the public API status union type.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record SessionStatus(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "pending"} value: dispatched, not yet queued (newer coordinators). */
    public static final SessionStatus PENDING = new SessionStatus("pending");

    /** The {@code "queued"} value. */
    public static final SessionStatus QUEUED = new SessionStatus("queued");

    /** The {@code "parked"} value. */
    public static final SessionStatus PARKED = new SessionStatus("parked");

    /** The {@code "starting"} value: a worker is bringing the session up (newer coordinators). */
    public static final SessionStatus STARTING = new SessionStatus("starting");

    /** The {@code "working"} value. */
    public static final SessionStatus WORKING = new SessionStatus("working");

    /** The {@code "completed"} value. */
    public static final SessionStatus COMPLETED = new SessionStatus("completed");

    /** The {@code "failed"} value. */
    public static final SessionStatus FAILED = new SessionStatus("failed");

    /** The {@code "stopped"} value. */
    public static final SessionStatus STOPPED = new SessionStatus("stopped");

    /** The {@code "timed_out"} value: the session ran out of time (newer coordinators); terminal. */
    public static final SessionStatus TIMED_OUT = new SessionStatus("timed_out");

    private static final List<SessionStatus> KNOWN = List.of(QUEUED, PARKED, WORKING, COMPLETED, FAILED, STOPPED,
            PENDING, STARTING, TIMED_OUT);

    /** Checks the value is not {@code null}. */
    public SessionStatus {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SessionStatus of(String value) {
        for (SessionStatus known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new SessionStatus(value);
    }

    /** The declared constants, in declaration order. */
    public static List<SessionStatus> values() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /**
     * Whether the session can no longer change: {@code completed}, {@code failed}, {@code stopped}
     * or {@code timed_out}.
     */
    public boolean isTerminal() {
        return equals(COMPLETED) || equals(FAILED) || equals(STOPPED) || equals(TIMED_OUT);
    }

    @Override
    public String toString() {
        return value;
    }
}
