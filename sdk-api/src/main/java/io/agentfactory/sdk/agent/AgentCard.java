package io.agentfactory.sdk.agent;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * AgentCard is the canonical materialized form of an agent in the agent_cards table, as defined by
 * 11-runtime-binding-strategy.md §1 and ADR-2026-05-12-agentcard-schema-and-scope.md. The struct
 * mirrors the TypeScript interface exactly so JSON round-trips are lossless. All TS optional
 * fields are represented as pointer types or omitempty slices to preserve the original zero-vs-
 * absent distinction. Field count: 24 exported fields (identity × 7, provenance × 4, composition ×
 * 3, ontology axes × 4, workType × 1, tool surface × 1, lifecycle × 4).
 *
 * @param id the platform-generated identifier (e.g. "ag_…").
 * @param metadataId the user-facing stable identifier (e.g. "backlog-writer").
 * @param name the human-readable display name.
 * @param description a short prose description of what the agent does.
 * @param version the monotonic integer version per MetadataID (D2).
 * @param scope one of: system | org | project | workflow (D3, D5).
 * @param scopeOwnerId null for scope=system; otherwise the owning org/project ID. {@code null} when absent
 * @param sourceProviderId identifies the ARP that materialized this card. Values: 'db:internal' | 'kit:&lt;kitId&gt;' | 'a2a:&lt;peer&gt;' | 'tessl:&lt;owner/name&gt;' | 'github:&lt;repo&gt;' | 'openai-assistant:&lt;orgId&gt;' | …
 * @param sourceLocator the ARP-specific pointer to the upstream source (e.g. "&lt;owner/name&gt;{@literal @}&lt;version&gt;", "asst_xxx"). Null for db:internal cards. {@code null} when absent
 * @param lastReconciledAt the RFC3339 timestamp of the most recent ARP sync. Null for author-time-only cards (reconcileTTLSec = null). {@code null} when absent
 * @param reconcileTtlSec the reconciler refresh interval in seconds. Null means the card is author-time-only and never auto-refreshed. {@code null} when absent
 * @param partials the ordered list of partial references assembled at dispatch.
 * @param capabilities the flat-typed boolean capability struct.
 * @param runtimes the ordered list of runtime paths (≥1 entry required). The resolver picks the first satisfiable path.
 * @param auth the cross-cutting auth requirements applying to ALL runtime paths.
 * @param requires declares substrate requirements beyond the runtime path itself.
 * @param trust carries security posture consumed by Cedar policy gates at dispatch.
 * @param workType the SDLC-pathway classification for this agent. Required at dispatch; ARP imports classify heuristically; operators override at /admin/agents/&lt;id&gt;. System-seeded values: research | backlog-writing | development | coordination | qa | acceptance | other. Per-org extension via org_work_types table (D22).
 * @param tools declares the allow/disallow tool permission lists.
 * @param modelProfileId references the model_profiles table entry for this card (D23). {@code null} when absent
 * @param publishedAt the RFC3339 timestamp when this version was published. Null means draft. {@code null} when absent
 * @param deprecatedAt the RFC3339 timestamp when this card was deprecated. Null means active. {@code null} when absent
 * @param tags the free-form tag list for operator filtering.
 */
public record AgentCard(
        String id,
        String metadataId,
        String name,
        String description,
        int version,
        AgentCardScope scope,
        @Nullable String scopeOwnerId,
        String sourceProviderId,
        @OmitNull @Nullable String sourceLocator,
        @OmitNull @Nullable String lastReconciledAt,
        @OmitNull @Nullable Integer reconcileTtlSec,
        @OmitEmpty List<PartialRef> partials,
        @OmitEmpty Map<String, Boolean> capabilities,
        List<RuntimePath> runtimes,
        List<AuthRequirement> auth,
        List<SubstrateRequirement> requires,
        TrustClaims trust,
        AgentWorkType workType,
        AgentCardToolSurface tools,
        @OmitNull @Nullable String modelProfileId,
        @OmitNull @Nullable String publishedAt,
        @OmitNull @Nullable String deprecatedAt,
        @OmitEmpty List<String> tags) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public AgentCard {
        id = Copies.text(id);
        metadataId = Copies.text(metadataId);
        name = Copies.text(name);
        description = Copies.text(description);
        scope = scope == null ? AgentCardScope.of("") : scope;
        sourceProviderId = Copies.text(sourceProviderId);
        partials = Copies.list(partials);
        capabilities = Copies.map(capabilities);
        runtimes = Copies.list(runtimes);
        auth = Copies.list(auth);
        requires = Copies.list(requires);
        trust = trust == null ? TrustClaims.empty() : trust;
        workType = workType == null ? AgentWorkType.of("") : workType;
        tools = tools == null ? AgentCardToolSurface.empty() : tools;
        tags = Copies.list(tags);
    }
}
