package io.agentfactory.sdk.agent;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * PartialRef is a reference to a named Partial in the partials catalog. Partials are prose-overlay
 * fragments that the runtime assembles into the agent's system prompt before dispatch.
 *
 * @param id the platform-assigned partial identifier (e.g. "par_…").
 * @param metadataId the user-facing stable name (e.g. "code-review-guidelines").
 * @param scope the scope at which this partial was resolved.
 * @param order the insertion position within the assembled prompt; lower = earlier. {@code null} when absent
 */
public record PartialRef(
        String id,
        String metadataId,
        String scope,
        @OmitNull @Nullable Integer order) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public PartialRef {
        id = Copies.text(id);
        metadataId = Copies.text(metadataId);
        scope = Copies.text(scope);
    }
}
