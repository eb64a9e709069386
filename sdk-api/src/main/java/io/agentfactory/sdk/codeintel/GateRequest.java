package io.agentfactory.sdk.codeintel;

import java.util.List;
import java.util.Objects;

/**
 * What the architecture gate is asked to judge a change by.
 *
 * @param policy when to block
 * @param requireDiff strict mode: fail (with {@link io.agentfactory.sdk.error.DiffUnavailableException})
 *        instead of judging a change whose diff could not be read in full; lenient mode judges what there
 *        is and says what was missing in {@link GateVerdict#warnings()}
 * @param acceptanceCriteria acceptance criteria items to read as observations (may be empty)
 * @param scope the architectural scope stamped on observations; blank means {@code "project"}
 * @param limits the bounds of the diff read
 */
public record GateRequest(GatePolicy policy, boolean requireDiff, List<String> acceptanceCriteria, String scope,
        DiffLimits limits) {

    /** Checks the values, copies the list and defaults the scope. */
    public GateRequest {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(limits, "limits");
        acceptanceCriteria = List.copyOf(acceptanceCriteria);
        scope = scope == null || scope.isBlank() ? "project" : scope.strip();
    }

    /** A lenient request with {@code policy}, no criteria, scope {@code project}, default limits. */
    public static GateRequest of(GatePolicy policy) {
        return new GateRequest(policy, false, List.of(), "project", DiffLimits.DEFAULTS);
    }

    /** A copy in strict mode ({@code requireDiff}). */
    public GateRequest requiringDiff() {
        return new GateRequest(policy, true, acceptanceCriteria, scope, limits);
    }

    /** A copy with these acceptance criteria. */
    public GateRequest withAcceptanceCriteria(List<String> items) {
        return new GateRequest(policy, requireDiff, items, scope, limits);
    }

    /** A copy with these limits. */
    public GateRequest withLimits(DiffLimits newLimits) {
        return new GateRequest(policy, requireDiff, acceptanceCriteria, scope, newLimits);
    }
}
