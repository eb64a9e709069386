package io.agentfactory.sdk.workarea;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * WorkareaPoolMemberStatus is the lifecycle state of a single warm-pool member. Values match the state machine in 003-workarea-provider.md §Pool member states.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record WorkareaPoolMemberStatus(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "warming"}: means the clone + install is in progress. */
    public static final WorkareaPoolMemberStatus WARMING = new WorkareaPoolMemberStatus("warming");

    /** {@code "ready"}: means the member is clean and available for acquire. */
    public static final WorkareaPoolMemberStatus READY = new WorkareaPoolMemberStatus("ready");

    /** {@code "acquired"}: means the member is currently held by a session. */
    public static final WorkareaPoolMemberStatus ACQUIRED = new WorkareaPoolMemberStatus("acquired");

    /** {@code "releasing"}: means a scoped clean is in progress before returning to ready. */
    public static final WorkareaPoolMemberStatus RELEASING = new WorkareaPoolMemberStatus("releasing");

    /** {@code "invalid"}: means the lockfile changed or staleness exceeded; pending rebuild. */
    public static final WorkareaPoolMemberStatus INVALID = new WorkareaPoolMemberStatus("invalid");

    /** {@code "retired"}: means the member is slated for destruction. */
    public static final WorkareaPoolMemberStatus RETIRED = new WorkareaPoolMemberStatus("retired");

    private static final List<WorkareaPoolMemberStatus> KNOWN = List.of(WARMING, READY, ACQUIRED, RELEASING, INVALID, RETIRED);

    /** Checks the value is not {@code null}. */
    public WorkareaPoolMemberStatus {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static WorkareaPoolMemberStatus of(String value) {
        for (WorkareaPoolMemberStatus known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new WorkareaPoolMemberStatus(value);
    }

    /** The declared constants, in declaration order. */
    public static List<WorkareaPoolMemberStatus> values() {
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
