package io.agentfactory.sdk.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * This process's resident memory as Linux reports it in {@code /proc/self/status}: the current
 * resident set ({@code VmRSS}) and its high-water mark ({@code VmHWM}), which
 * {@link #resetPeak()} lowers back to the current size (Linux 4.0+), so each run can be measured
 * on its own. Answers {@code -1} where {@code /proc} is not available.
 */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {
    }

    /** The peak resident set size since start or the last {@link #resetPeak()}, in bytes; -1 if unknown. */
    static long peakRssBytes() {
        return bytes(statusKilobytes("VmHWM:"));
    }

    /** The resident set size now, in bytes; -1 if unknown. */
    static long rssBytes() {
        return bytes(statusKilobytes("VmRSS:"));
    }

    /** Resets the peak to the current resident set size; {@code false} when the kernel does not allow it. */
    static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        }
        catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static long bytes(long kilobytes) {
        return kilobytes < 0 ? -1 : kilobytes * 1024;
    }

    private static long statusKilobytes(String key) {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                }
            }
            return -1;
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
