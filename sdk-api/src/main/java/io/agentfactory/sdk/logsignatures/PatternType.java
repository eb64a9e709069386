package io.agentfactory.sdk.logsignatures;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * The category of a log failure.
 *
 * <p>Unknown values (from a user catalog) are kept unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the string as written in a catalog
 */
public record PatternType(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "permission"}: sandbox and file-system permission errors. */
    public static final PatternType PERMISSION = new PatternType("permission");

    /** {@code "tool_issue"}: tool execution and network failures. */
    public static final PatternType TOOL_ISSUE = new PatternType("tool_issue");

    /** {@code "tool_misuse"}: the agent used a tool incorrectly. */
    public static final PatternType TOOL_MISUSE = new PatternType("tool_misuse");

    /** {@code "performance"}: timeouts and rate limits. */
    public static final PatternType PERFORMANCE = new PatternType("performance");

    /** {@code "repeated_failure"}: the same error three or more times. */
    public static final PatternType REPEATED_FAILURE = new PatternType("repeated_failure");

    /** {@code "approval_required"}: a command needed approval in autonomous mode. */
    public static final PatternType APPROVAL_REQUIRED = new PatternType("approval_required");

    private static final List<PatternType> KNOWN =
            List.of(PERMISSION, TOOL_ISSUE, TOOL_MISUSE, PERFORMANCE, REPEATED_FAILURE, APPROVAL_REQUIRED);

    /** Checks the value is not {@code null}. */
    public PatternType {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PatternType of(String value) {
        for (PatternType known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new PatternType(value);
    }

    /** The declared constants, in declaration order. */
    public static List<PatternType> values() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
