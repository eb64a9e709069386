package io.agentfactory.sdk.coordinator;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * WhoAmIResponse matches GET /api/cli/whoami.
 *
 * @param org the {@code org} field
 * @param projects the {@code projects} field
 * @param scopes the {@code scopes} field
 */
public record WhoAmIResponse(
        WhoAmIOrg org,
        List<WhoAmIProject> projects,
        List<String> scopes) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WhoAmIResponse {
        org = org == null ? WhoAmIOrg.empty() : org;
        projects = Copies.list(projects);
        scopes = Copies.list(scopes);
    }
}
