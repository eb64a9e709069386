package io.agentfactory.sdk.config;

import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * CapacityConfig holds the configurable capacity limits written into daemon.yaml under the
 * `capacity` key. `poolMaxDiskGb` drives automatic LRU eviction of the workarea pool once the disk
 * threshold is hit.
 *
 * @param maxConcurrentSessions the maximum number of sessions the local daemon accepts concurrently. 0 means do not accept new sessions.
 * @param poolMaxDiskGb the maximum total disk usage (in GiB) for the workarea pool before the daemon starts LRU-evicting cold members. 0 means no limit.
 */
public record CapacityConfig(
        @OmitEmpty int maxConcurrentSessions,
        @OmitEmpty int poolMaxDiskGb) {

    /** The value with every field absent: what the server means when it omits the object. */
    public static CapacityConfig empty() {
        return new CapacityConfig(0, 0);
    }

    /**
     * The same disk envelope under its newer name: newer daemons read {@code workareaMaxDiskGb},
     * older ones {@code poolMaxDiskGb}. The SDK reads either and writes both, with one value.
     */
    public int workareaMaxDiskGb() {
        return poolMaxDiskGb;
    }
}
