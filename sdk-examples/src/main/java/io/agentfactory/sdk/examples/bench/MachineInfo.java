package io.agentfactory.sdk.examples.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * What the numbers were measured on.
 *
 * @param cpu the CPU model ({@code /proc/cpuinfo}), or the architecture
 * @param cores processors available to the JVM
 * @param memoryMiB physical memory
 * @param os operating system, version and architecture
 * @param jdk the JVM's name and version
 * @param garbageCollectors the collectors of this JVM
 * @param maxHeapMiB this JVM's maximum heap
 */
record MachineInfo(String cpu, int cores, long memoryMiB, String os, String jdk, String garbageCollectors,
        long maxHeapMiB) {

    static MachineInfo current() {
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new MachineInfo(cpuModel(), Runtime.getRuntime().availableProcessors(),
                system.getTotalMemorySize() / 1048576,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")),
                Runtime.getRuntime().maxMemory() / 1048576);
    }

    /** The 1-minute load average ({@code /proc/loadavg}), or -1. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        }
        catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
