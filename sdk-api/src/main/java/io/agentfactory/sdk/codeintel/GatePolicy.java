package io.agentfactory.sdk.codeintel;

import java.util.Locale;
import java.util.Objects;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * When the architecture gate blocks a change, judged on its diff observations alone.
 *
 * <p>Policies by name ({@link #parse}): {@code none} never blocks; {@code zero-deviations} blocks on any
 * observation; {@code no-severity-high} (also the blank name, the default) blocks when an observation has
 * a confidence of at least {@value #HIGH_CONFIDENCE} (in practice only normative acceptance criteria
 * reach it); {@code max:N} blocks on more than {@code N} observations. Unlike the reference, an unknown
 * or malformed name is refused instead of silently never blocking.
 *
 * @param mode the rule
 * @param max the count for {@link Mode#MAX}, {@code 0} otherwise
 */
public record GatePolicy(Mode mode, int max) {

    /** The confidence from which {@code no-severity-high} counts an observation as high. */
    public static final double HIGH_CONFIDENCE = 0.65;

    /** The rules. */
    public enum Mode {
        /** Never blocks. */
        NONE,
        /** Blocks on any observation. */
        ZERO_DEVIATIONS,
        /** Blocks when an observation's confidence is at least {@link #HIGH_CONFIDENCE}. */
        NO_SEVERITY_HIGH,
        /** Blocks on more than {@code max} observations. */
        MAX
    }

    /** Checks the values. */
    public GatePolicy {
        Objects.requireNonNull(mode, "mode");
        if (max < 0 || (mode != Mode.MAX && max != 0)) {
            throw new InvalidArgumentException("max must be >= 0, and 0 unless the mode is MAX");
        }
    }

    /** The default: {@code no-severity-high}. */
    public static GatePolicy defaults() {
        return new GatePolicy(Mode.NO_SEVERITY_HIGH, 0);
    }

    /** {@code max:n}. */
    public static GatePolicy maxObservations(int n) {
        return new GatePolicy(Mode.MAX, n);
    }

    /**
     * The policy of this name: {@code none}, {@code zero-deviations}, {@code no-severity-high}, blank
     * (the default), or {@code max:N} with {@code N} a non-negative decimal integer.
     *
     * @throws InvalidArgumentException when the name is none of these
     */
    public static GatePolicy parse(String name) {
        String n = name == null ? "" : name.strip();
        switch (n) {
            case "", "no-severity-high":
                return defaults();
            case "none":
                return new GatePolicy(Mode.NONE, 0);
            case "zero-deviations":
                return new GatePolicy(Mode.ZERO_DEVIATIONS, 0);
            default:
                if (n.startsWith("max:") && n.length() > 4 && n.length() <= 14
                        && n.substring(4).chars().allMatch(c -> c >= '0' && c <= '9')) {
                    long value = Long.parseLong(n.substring(4));
                    if (value <= Integer.MAX_VALUE) {
                        return maxObservations((int) value);
                    }
                }
                throw new InvalidArgumentException("unknown gate policy (expected none, zero-deviations, "
                        + "no-severity-high or max:N): '" + (n.length() > 40 ? n.substring(0, 40) + "…" : n)
                        .replaceAll("\\p{Cntrl}", "?") + "'");
        }
    }

    /** The policy's name, as {@link #parse} reads it. */
    public String policyName() {
        return mode == Mode.MAX ? "max:" + max : mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
