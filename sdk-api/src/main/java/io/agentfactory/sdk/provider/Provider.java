package io.agentfactory.sdk.provider;

import java.util.Map;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * Provider is the API representation of a registered provider, as returned by GET
 * /api/daemon/providers and GET /api/daemon/providers/&lt;id&gt;. Maps to the base contract in
 * 002-provider-base-contract.md.
 *
 * @param id the {@code id} field
 * @param name the {@code name} field
 * @param version the {@code version} field
 * @param family the {@code family} field
 * @param scope the {@code scope} field
 * @param status the {@code status} field
 * @param source the {@code source} field
 * @param trust the {@code trust} field
 * @param signerId the {@code signerId} field
 * @param signedAt the {@code signedAt} field
 * @param manifestOk the {@code manifestOk} field
 * @param capabilities the family-typed capability struct serialised as a free-form JSON object. The typed shape varies per family; consumers inspect Family to deserialise correctly. map[string]any lets the CLI display and pass through the JSON without hardcoding every family's struct.
 */
public record Provider(
        String id,
        String name,
        String version,
        ProviderFamily family,
        ProviderScope scope,
        ProviderStatus status,
        ProviderSource source,
        ProviderTrustState trust,
        @OmitEmpty String signerId,
        @OmitEmpty String signedAt,
        boolean manifestOk,
        Map<String, Object> capabilities) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public Provider {
        id = Copies.text(id);
        name = Copies.text(name);
        version = Copies.text(version);
        family = family == null ? ProviderFamily.of("") : family;
        scope = scope == null ? ProviderScope.of("") : scope;
        status = status == null ? ProviderStatus.of("") : status;
        source = source == null ? ProviderSource.of("") : source;
        trust = trust == null ? ProviderTrustState.of("") : trust;
        signerId = Copies.text(signerId);
        signedAt = Copies.text(signedAt);
        capabilities = Copies.jsonObject(capabilities);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static Provider empty() {
        return new Provider("", "", "", ProviderFamily.of(""), ProviderScope.of(""), ProviderStatus.of(""), ProviderSource.of(""), ProviderTrustState.of(""), "", "", false, Map.of());
    }
}
