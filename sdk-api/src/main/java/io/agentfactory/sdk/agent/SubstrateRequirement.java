package io.agentfactory.sdk.agent;

import java.util.Map;

import io.agentfactory.sdk.internal.Copies;

/**
 * SubstrateRequirement declares a substrate need beyond the runtime path itself. Examples: network
 * egress to specific hosts, host binaries, GPU, persistent storage.
 *
 * @param kind one of: network-egress | host-binary | workarea | gpu | persistent-storage | long-running.
 * @param config holds kind-specific parameters as a raw JSON object. Discriminated by Kind: network-egress: { hosts: string[] } host-binary: { name, minVersion? } workarea: { mode: 'fresh'|'persistent', sizeMB? } long-running: { maxDurationSec, suspendable }
 */
public record SubstrateRequirement(
        String kind,
        Map<String, Object> config) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public SubstrateRequirement {
        kind = Copies.text(kind);
        config = Copies.jsonObject(config);
    }
}
