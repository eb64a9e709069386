package io.agentfactory.sdk.fleet;

import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * MachineCapacity describes the resource envelope for a single daemon machine. Field names match
 * the capacity block in daemon.yaml (camelCase in wire format).
 *
 * @param maxConcurrentSessions the {@code maxConcurrentSessions} field
 * @param maxVCpuPerSession the {@code maxVCpuPerSession} field
 * @param maxMemoryMbPerSession the {@code maxMemoryMbPerSession} field
 * @param reservedVCpu the {@code reservedVCpu} field
 * @param reservedMemoryMb the {@code reservedMemoryMb} field
 */
public record MachineCapacity(
        int maxConcurrentSessions,
        @OmitEmpty int maxVCpuPerSession,
        @OmitEmpty int maxMemoryMbPerSession,
        @OmitEmpty int reservedVCpu,
        @OmitEmpty int reservedMemoryMb) {

    /** The value with every field absent: what the server means when it omits the object. */
    public static MachineCapacity empty() {
        return new MachineCapacity(0, 0, 0, 0, 0);
    }
}
