package io.agentfactory.sdk.agent;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * AgentScopeQuery carries the scope parameters for /api/agents list calls. At most one of OrgID
 * and ProjectID should be set; both empty returns system-scope cards visible to all callers.
 *
 * @param scope restricts results to a specific scope tier. Empty returns the natural union visible to the caller's (org, project).
 * @param orgId restricts results to cards owned by this org (scope=org rows).
 * @param projectId restricts results to cards owned by this project (scope=project rows).
 * @param workType filters results to a specific workType classification.
 */
public record AgentScopeQuery(
        @OmitEmpty String scope,
        @OmitEmpty String orgId,
        @OmitEmpty String projectId,
        @OmitEmpty String workType) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public AgentScopeQuery {
        scope = Copies.text(scope);
        orgId = Copies.text(orgId);
        projectId = Copies.text(projectId);
        workType = Copies.text(workType);
    }

    /** No filter: every card visible to the caller's organization and project. */
    public static AgentScopeQuery all() {
        return new AgentScopeQuery("", "", "", "");
    }
}
