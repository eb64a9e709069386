package io.agentfactory.sdk.orchestrator;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * Which agent harness a work loop uses. An explicit choice never falls back to another;
 * {@link #AUTO} takes {@code claude}, else {@code codex}, whichever is on {@code PATH}.
 */
public enum HarnessChoice {
    /** {@code claude} when on {@code PATH}, else {@code codex}. */
    AUTO,
    /** Claude Code ({@code claude -p --output-format stream-json}). */
    CLAUDE,
    /** Codex ({@code codex app-server}, JSON-RPC over stdio). */
    CODEX;

    /**
     * Parses a harness name: blank or {@code auto}, {@code claude}, {@code codex} (trimmed, any case).
     *
     * @throws InvalidArgumentException for any other name: {@code unsupported harness "<x>"}
     */
    public static HarnessChoice parse(@Nullable String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "":
            case "auto":
                return AUTO;
            case "claude":
                return CLAUDE;
            case "codex":
                return CODEX;
            default:
                throw new InvalidArgumentException("unsupported harness \"" + bounded(name)
                        + "\" (want \"auto\", \"claude\" or \"codex\")");
        }
    }

    private static String bounded(@Nullable String name) {
        String s = String.valueOf(name).replaceAll("\\p{Cntrl}", "?");
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** The lower-case name. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
