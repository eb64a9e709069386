package io.agentfactory.sdk.agent;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * AgentCardScope is the four-scope enum (D3, D5). Visibility cascades: system → org → project → workflow. workflow-scope cards are inline-only (no DB row until "Promote to project").
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record AgentCardScope(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "system"}: is visible to all orgs, projects, and workflows. */
    public static final AgentCardScope SYSTEM = new AgentCardScope("system");

    /** {@code "org"}: is visible to all projects and workflows within the org. */
    public static final AgentCardScope ORG = new AgentCardScope("org");

    /** {@code "project"}: is visible to all workflows within the project. */
    public static final AgentCardScope PROJECT = new AgentCardScope("project");

    /** {@code "workflow"}: is inline in a workflow definition; no DB row. */
    public static final AgentCardScope WORKFLOW = new AgentCardScope("workflow");

    private static final List<AgentCardScope> KNOWN = List.of(SYSTEM, ORG, PROJECT, WORKFLOW);

    /** Checks the value is not {@code null}. */
    public AgentCardScope {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AgentCardScope of(String value) {
        for (AgentCardScope known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new AgentCardScope(value);
    }

    /** The declared constants, in declaration order. */
    public static List<AgentCardScope> values() {
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
