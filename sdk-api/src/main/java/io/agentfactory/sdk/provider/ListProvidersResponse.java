package io.agentfactory.sdk.provider;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * ListProvidersResponse matches GET /api/daemon/providers. Per ADR-2026-05-07-daemon-http-control-
 * api.md § D4, the Wave-9 ship of the daemon's provider registry exposes only the AgentRuntime
 * family (claude/codex/ollama/opencode/gemini/amp/stub). The remaining seven families return as
 * empty until their per-family registries land in a future wave. Consumers MUST honour
 * PartialCoverage when rendering — the "other families coming" caveat is sourced from the flag,
 * not from sniffing for emptiness.
 *
 * @param providers the populated set across all covered families.
 * @param partialCoverage true when CoveredFamilies is a strict subset of AllProviderFamilies.
 * @param coveredFamilies enumerates the families this daemon currently surfaces. In Wave 9 this is exactly ["agent-runtime"].
 */
public record ListProvidersResponse(
        List<Provider> providers,
        boolean partialCoverage,
        List<ProviderFamily> coveredFamilies) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ListProvidersResponse {
        providers = Copies.list(providers);
        coveredFamilies = Copies.list(coveredFamilies);
    }
}
