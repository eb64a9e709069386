package io.agentfactory.sdk.codeintel;

/**
 * The bounds a diff is read within, so that a hostile or huge diff costs bounded memory.
 *
 * @param maxDiffBytes the most bytes of diff read; more fails with
 *        {@link io.agentfactory.sdk.error.DiffTooLargeException}
 * @param maxLineBytes the most bytes of one line kept; the rest of a longer line is dropped (not matched)
 * @param maxFiles the most file sections read; more fails with
 *        {@link io.agentfactory.sdk.error.DiffTooLargeException}
 */
public record DiffLimits(long maxDiffBytes, int maxLineBytes, int maxFiles) {

    /** 64 MiB of diff, lines of up to 16 KiB, 20 000 files. */
    public static final DiffLimits DEFAULTS = new DiffLimits(64L << 20, 16 << 10, 20_000);

    /** Checks the values. */
    public DiffLimits {
        if (maxDiffBytes < 1 || maxLineBytes < 1 || maxFiles < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The default limits. */
    public static DiffLimits defaults() {
        return DEFAULTS;
    }
}
