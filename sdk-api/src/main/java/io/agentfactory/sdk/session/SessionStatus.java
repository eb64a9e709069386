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

    /** The {@code "queued"} value. */
    public static final SessionStatus QUEUED = new SessionStatus("queued");

    /** The {@code "parked"} value. */
    public static final SessionStatus PARKED = new SessionStatus("parked");

    /** The {@code "working"} value. */
    public static final SessionStatus WORKING = new SessionStatus("working");

    /** The {@code "completed"} value. */
    public static final SessionStatus COMPLETED = new SessionStatus("completed");

    /** The {@code "failed"} value. */
    public static final SessionStatus FAILED = new SessionStatus("failed");

    /** The {@code "stopped"} value. */
    public static final SessionStatus STOPPED = new SessionStatus("stopped");

    private static final List<SessionStatus> KNOWN = List.of(QUEUED, PARKED, WORKING, COMPLETED, FAILED, STOPPED);

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

    /** Whether the session can no longer change: {@code completed}, {@code failed} or {@code stopped}. */
    public boolean isTerminal() {
        return equals(COMPLETED) || equals(FAILED) || equals(STOPPED);
    }

    @Override
    public String toString() {
        return value;
    }
}
