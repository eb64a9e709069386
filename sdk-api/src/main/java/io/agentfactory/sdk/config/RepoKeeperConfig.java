package io.agentfactory.sdk.config;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * The {@code repoKeeper} section of {@code daemon.yaml}: the per-host repository keeper's
 * tunables. The daemon reads them at start, so a change takes effect after a (drain-aware)
 * restart. Zero means "not set" for every field, as in the file.
 *
 * @param enabled whether the daemon runs the keeper (default off)
 * @param maxDiskGb the cap on total mirror disk use in GiB; 0 is no limit
 * @param fetchIntervalSeconds the shortest time between two fetches of a mirror; 0 is the daemon's default
 * @param authorizationWindowSeconds how long a resolved authorization is honoured; 0 is the daemon's default
 */
public record RepoKeeperConfig(boolean enabled, long maxDiskGb, long fetchIntervalSeconds,
        long authorizationWindowSeconds) {

    /**
     * Refuses negative values, which the daemon refuses to load.
     *
     * @throws InvalidArgumentException naming the first negative field
     */
    public RepoKeeperConfig {
        requireNonNegative("repoKeeper.maxDiskGb", maxDiskGb);
        requireNonNegative("repoKeeper.fetchIntervalSeconds", fetchIntervalSeconds);
        requireNonNegative("repoKeeper.authorizationWindowSeconds", authorizationWindowSeconds);
    }

    /** Every field unset: what a missing section reads as. */
    public static RepoKeeperConfig empty() {
        return new RepoKeeperConfig(false, 0, 0, 0);
    }

    private static void requireNonNegative(String key, long value) {
        if (value < 0) {
            throw new InvalidArgumentException(key + " must be >= 0");
        }
    }
}
