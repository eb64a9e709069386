package io.agentfactory.sdk.provider;

/**
 * ProviderEnvelope wraps a single provider returned by GET /api/daemon/providers/&lt;id&gt;.
 *
 * @param provider the {@code provider} field
 */
public record ProviderEnvelope(
        Provider provider) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ProviderEnvelope {
        provider = provider == null ? Provider.empty() : provider;
    }
}
