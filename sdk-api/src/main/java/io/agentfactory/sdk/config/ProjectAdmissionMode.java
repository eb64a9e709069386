package io.agentfactory.sdk.config;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The machine owner's standing consent for project admission, the {@code projectAdmissionMode}
 * key of {@code daemon.yaml} (admission v2 only).
 */
public enum ProjectAdmissionMode {

    /** Admit only the projects listed in {@code enabledProjectIds} (the default). */
    ENUMERATED("enumerated"),

    /** Admit any project the orchestrator routes to this machine, without a per-project entry. */
    ALL_ROUTED("all-routed");

    private final String value;

    ProjectAdmissionMode(String value) {
        this.value = value;
    }

    /** The spelling written to {@code daemon.yaml}. */
    public String value() {
        return value;
    }

    /**
     * Reads a mode the way the daemon does: only {@code all-routed} (any case, surrounding blanks
     * ignored) widens admission; anything else, including {@code null} or a misspelling, is
     * {@link #ENUMERATED}.
     */
    public static ProjectAdmissionMode normalize(@Nullable String mode) {
        return mode != null && mode.trim().toLowerCase(Locale.ROOT).equals(ALL_ROUTED.value) ? ALL_ROUTED
                : ENUMERATED;
    }
}
