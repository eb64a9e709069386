package io.agentfactory.sdk.agent;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * AgentWorkType is the classification of work an agent performs (D21, D22). System-seeded values; per-org extension via org_work_types table.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record AgentWorkType(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "research"} value. */
    public static final AgentWorkType RESEARCH = new AgentWorkType("research");

    /** The {@code "backlog-writing"} value. */
    public static final AgentWorkType BACKLOG_WRITING = new AgentWorkType("backlog-writing");

    /** The {@code "development"} value. */
    public static final AgentWorkType DEVELOPMENT = new AgentWorkType("development");

    /** The {@code "coordination"} value. */
    public static final AgentWorkType COORDINATION = new AgentWorkType("coordination");

    /** The {@code "qa"} value. */
    public static final AgentWorkType QA = new AgentWorkType("qa");

    /** The {@code "acceptance"} value. */
    public static final AgentWorkType ACCEPTANCE = new AgentWorkType("acceptance");

    /** The {@code "other"} value. */
    public static final AgentWorkType OTHER = new AgentWorkType("other");

    private static final List<AgentWorkType> KNOWN = List.of(RESEARCH, BACKLOG_WRITING, DEVELOPMENT, COORDINATION, QA, ACCEPTANCE, OTHER);

    /** Checks the value is not {@code null}. */
    public AgentWorkType {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AgentWorkType of(String value) {
        for (AgentWorkType known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new AgentWorkType(value);
    }

    /** The declared constants, in declaration order. */
    public static List<AgentWorkType> values() {
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
