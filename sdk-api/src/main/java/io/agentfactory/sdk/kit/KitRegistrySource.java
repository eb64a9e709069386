package io.agentfactory.sdk.kit;

import io.agentfactory.sdk.internal.Copies;

/**
 * KitRegistrySource is a kit registry source descriptor.
 *
 * @param name the {@code name} field
 * @param url the {@code url} field
 * @param enabled the {@code enabled} field
 * @param priority federation order — lower = higher priority
 * @param kind "bundled" | "tessl" | "agentskills" | "community"
 */
public record KitRegistrySource(
        String name,
        String url,
        boolean enabled,
        int priority,
        String kind) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitRegistrySource {
        name = Copies.text(name);
        url = Copies.text(url);
        kind = Copies.text(kind);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static KitRegistrySource empty() {
        return new KitRegistrySource("", "", false, 0, "");
    }
}
