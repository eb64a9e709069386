package io.agentfactory.sdk.config;

import java.util.List;
import java.util.Objects;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * One tunable of {@code daemon.yaml} that the operator sets explicitly, zero included (the
 * reference's {@code WriteDaemonYAMLWithCapacity}). A plain write treats 0 as "not set" and
 * leaves it out; an intent writes {@code 0} into the file, so "accept no sessions" is not
 * confused with "use the default". Validated on construction: an invalid intent never exists,
 * so it can never reach the file.
 *
 * <p>Keys: {@value #MAX_CONCURRENT_SESSIONS}, {@value #WORKAREA_MAX_DISK_GB} (also accepted as
 * its older spelling {@value #LEGACY_POOL_MAX_DISK_GB}; both spellings are written),
 * {@value #REPO_KEEPER_ENABLED} (0 or 1), {@value #REPO_KEEPER_MAX_DISK_GB},
 * {@value #REPO_KEEPER_FETCH_INTERVAL_SECONDS}, {@value #REPO_KEEPER_AUTHORIZATION_WINDOW_SECONDS}.
 *
 * @param key the dotted key, in its current spelling
 * @param value the value, at least 0
 */
public record CapacityIntent(String key, long value) {

    /** The daemon's concurrent-session limit; 0 accepts no new sessions. */
    public static final String MAX_CONCURRENT_SESSIONS = "capacity.maxConcurrentSessions";
    /** The warm-workarea disk envelope in GiB; 0 is no limit. */
    public static final String WORKAREA_MAX_DISK_GB = "capacity.workareaMaxDiskGb";
    /** The older spelling of {@link #WORKAREA_MAX_DISK_GB}, still read by older daemons. */
    public static final String LEGACY_POOL_MAX_DISK_GB = "capacity.poolMaxDiskGb";
    /** Whether the repository keeper runs (1) or not (0). */
    public static final String REPO_KEEPER_ENABLED = "repoKeeper.enabled";
    /** The repository keeper's mirror disk cap in GiB. */
    public static final String REPO_KEEPER_MAX_DISK_GB = "repoKeeper.maxDiskGb";
    /** The repository keeper's fetch interval in seconds. */
    public static final String REPO_KEEPER_FETCH_INTERVAL_SECONDS = "repoKeeper.fetchIntervalSeconds";
    /** The repository keeper's authorization window in seconds. */
    public static final String REPO_KEEPER_AUTHORIZATION_WINDOW_SECONDS = "repoKeeper.authorizationWindowSeconds";

    private static final List<String> KEYS = List.of(MAX_CONCURRENT_SESSIONS, WORKAREA_MAX_DISK_GB,
            REPO_KEEPER_ENABLED, REPO_KEEPER_MAX_DISK_GB, REPO_KEEPER_FETCH_INTERVAL_SECONDS,
            REPO_KEEPER_AUTHORIZATION_WINDOW_SECONDS);

    /**
     * Canonicalizes the older disk key and checks the pair.
     *
     * @throws InvalidArgumentException for an unsupported key, a negative value, a capacity value
     *         above {@link Integer#MAX_VALUE}, or an enabled flag other than 0 or 1
     */
    public CapacityIntent {
        Objects.requireNonNull(key, "key");
        if (key.equals(LEGACY_POOL_MAX_DISK_GB)) {
            key = WORKAREA_MAX_DISK_GB;
        }
        if (!KEYS.contains(key)) {
            throw new InvalidArgumentException("unsupported daemon.yaml key '" + key + "' (supported: "
                    + String.join(", ", KEYS) + ", " + LEGACY_POOL_MAX_DISK_GB + ")");
        }
        if (value < 0) {
            throw new InvalidArgumentException(key + " must be >= 0");
        }
        if (key.startsWith("capacity.") && value > Integer.MAX_VALUE) {
            throw new InvalidArgumentException(key + " must be at most " + Integer.MAX_VALUE);
        }
        if (key.equals(REPO_KEEPER_ENABLED) && value > 1) {
            throw new InvalidArgumentException(key + " must be 0 (off) or 1 (on)");
        }
    }

    /** The top-level section the key lives in: {@code capacity} or {@code repoKeeper}. */
    public String section() {
        return key.substring(0, key.indexOf('.'));
    }

    /** The key inside its section, e.g. {@code maxConcurrentSessions}. */
    public String field() {
        return key.substring(key.indexOf('.') + 1);
    }

    /** Whether the value is the repository keeper's on/off flag (written as a boolean). */
    public boolean isFlag() {
        return key.equals(REPO_KEEPER_ENABLED);
    }
}
