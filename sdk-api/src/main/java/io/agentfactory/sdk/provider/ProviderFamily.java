package io.agentfactory.sdk.provider;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * ProviderFamily is one of the eight plugin families ({@link #values()} lists them in display order) defined in 002-provider-base-contract.md. Values match the canonical string identifiers from the architecture corpus.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record ProviderFamily(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "sandbox"} value. */
    public static final ProviderFamily SANDBOX = new ProviderFamily("sandbox");

    /** The {@code "workarea"} value. */
    public static final ProviderFamily WORKAREA = new ProviderFamily("workarea");

    /** The {@code "agent-runtime"} value. */
    public static final ProviderFamily AGENT_RUNTIME = new ProviderFamily("agent-runtime");

    /** The {@code "vcs"} value. */
    public static final ProviderFamily VCS = new ProviderFamily("vcs");

    /** The {@code "issue-tracker"} value. */
    public static final ProviderFamily ISSUE_TRACKER = new ProviderFamily("issue-tracker");

    /** The {@code "deployment"} value. */
    public static final ProviderFamily DEPLOYMENT = new ProviderFamily("deployment");

    /** The {@code "agent-registry"} value. */
    public static final ProviderFamily AGENT_REGISTRY = new ProviderFamily("agent-registry");

    /** The {@code "kit"} value. */
    public static final ProviderFamily KIT = new ProviderFamily("kit");

    private static final List<ProviderFamily> KNOWN = List.of(SANDBOX, WORKAREA, AGENT_RUNTIME, VCS, ISSUE_TRACKER, DEPLOYMENT, AGENT_REGISTRY, KIT);

    /** Checks the value is not {@code null}. */
    public ProviderFamily {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProviderFamily of(String value) {
        for (ProviderFamily known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new ProviderFamily(value);
    }

    /** The declared constants, in declaration order. */
    public static List<ProviderFamily> values() {
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
