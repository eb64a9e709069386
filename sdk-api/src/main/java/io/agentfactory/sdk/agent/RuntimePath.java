package io.agentfactory.sdk.agent;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * RuntimePath is a single ordered preference entry in AgentCard.Runtimes. The Config field is
 * kind-discriminated — see 11-runtime-binding-strategy.md §1 for the per-kind shape.
 *
 * @param kind the runtime type (RuntimeKind* constants).
 * @param config holds kind-specific parameters as a raw JSON object. Discriminated by Kind: native: { providerId, modelProfileId? } npm: { package, versionSpec?, entrypoint? } python-pip: { package, versionSpec?, entrypoint? } http: { method, url, bodyTemplate? } mcp-server: { transport, command?, args?, url? } a2a-protocol: { endpoint, skillsAdvertised } vendor-hosted: { vendor, vendorAgentId, sdk } langchain-runnable: { hubRef, sdk, commitSha? }
 * @param preference an optional tie-breaker; lower = preferred. Zero value means unspecified; natural array order is used. {@code null} when absent
 */
public record RuntimePath(
        RuntimeKind kind,
        Map<String, Object> config,
        @OmitNull @Nullable Integer preference) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public RuntimePath {
        kind = kind == null ? RuntimeKind.of("") : kind;
        config = Copies.jsonObject(config);
    }
}
