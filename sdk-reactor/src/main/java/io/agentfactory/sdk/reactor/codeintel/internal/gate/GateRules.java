package io.agentfactory.sdk.reactor.codeintel.internal.gate;

import java.util.List;

import io.agentfactory.sdk.codeintel.DiffObservation;
import io.agentfactory.sdk.codeintel.GatePolicy;
import io.agentfactory.sdk.codeintel.ObservationKind;

/** Whether a policy blocks a set of observations, and the summary of a judgement. Pure. Not API. */
public final class GateRules {

    private GateRules() {
    }

    /** Whether {@code policy} blocks a change with these observations. */
    public static boolean gates(GatePolicy policy, List<DiffObservation> observations) {
        return switch (policy.mode()) {
            case NONE -> false;
            case ZERO_DEVIATIONS -> !observations.isEmpty();
            case NO_SEVERITY_HIGH -> observations.stream().anyMatch(o -> o.confidence() >= GatePolicy.HIGH_CONFIDENCE);
            case MAX -> observations.size() > policy.max();
        };
    }

    /** The counts by kind and, when gated, the policy that blocked. */
    public static String summary(List<DiffObservation> observations, boolean gated, GatePolicy policy) {
        if (observations.isEmpty()) {
            return "No architectural signals detected in the diff. Native diff-only mode (no LLM).";
        }
        long patterns = observations.stream().filter(o -> o.kind() == ObservationKind.PATTERN).count();
        long conventions = observations.stream().filter(o -> o.kind() == ObservationKind.CONVENTION).count();
        long decisions = observations.stream().filter(o -> o.kind() == ObservationKind.DECISION).count();
        String summary = observations.size() + " diff signal(s) detected (" + patterns + " patterns, " + conventions
                + " conventions, " + decisions + " decisions). Native diff-only mode — LLM-backed drift assessment"
                + " (layer 2) is not part of this SDK.";
        return gated ? summary + " Change is BLOCKED by gate policy: " + policy.policyName() + "." : summary;
    }
}
