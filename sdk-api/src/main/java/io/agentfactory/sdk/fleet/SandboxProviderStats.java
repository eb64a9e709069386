package io.agentfactory.sdk.fleet;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * SandboxProviderStats is the runtime snapshot for a registered SandboxProvider. Used by the
 * dashboard "SandboxProvider awareness" panel and the scheduler's capacity-filter step (004
 * §Scheduling algorithm step 3).
 *
 * @param id the unique identifier for this provider (e.g. "local", "e2b", "vercel").
 * @param displayName the human-readable provider label.
 * @param transportModel the declared transport mode for this provider.
 * @param billingModel the declared billing model for this provider.
 * @param provisionedActive the count of sandboxes currently running.
 * @param provisionedPaused the count of paused sandboxes (storage-cost only).
 * @param maxConcurrent the declared ceiling, or -1 for unbounded.
 * @param regions the list of ISO region codes this provider serves; ["*"] means any.
 * @param supportsPauseResume indicates memory+FS preserve capability (e.g. E2B).
 * @param supportsFsSnapshot indicates FS-only snapshot capability (e.g. Vercel).
 * @param isA2ARemote indicates this provider represents a remote A2A agent peer.
 * @param healthy false when the provider is in a degraded or unhealthy state.
 * @param capturedAt the RFC3339 timestamp of this capacity snapshot.
 */
public record SandboxProviderStats(
        String id,
        String displayName,
        SandboxTransportModel transportModel,
        SandboxBillingModel billingModel,
        int provisionedActive,
        int provisionedPaused,
        int maxConcurrent,
        List<String> regions,
        boolean supportsPauseResume,
        boolean supportsFsSnapshot,
        boolean isA2ARemote,
        boolean healthy,
        String capturedAt) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public SandboxProviderStats {
        id = Copies.text(id);
        displayName = Copies.text(displayName);
        transportModel = transportModel == null ? SandboxTransportModel.of("") : transportModel;
        billingModel = billingModel == null ? SandboxBillingModel.of("") : billingModel;
        regions = Copies.list(regions);
        capturedAt = Copies.text(capturedAt);
    }
}
