package io.agentfactory.sdk.logsignatures;

import static io.agentfactory.sdk.logsignatures.PatternType.APPROVAL_REQUIRED;
import static io.agentfactory.sdk.logsignatures.PatternType.PERFORMANCE;
import static io.agentfactory.sdk.logsignatures.PatternType.PERMISSION;
import static io.agentfactory.sdk.logsignatures.PatternType.TOOL_ISSUE;
import static io.agentfactory.sdk.logsignatures.PatternType.TOOL_MISUSE;
import static io.agentfactory.sdk.logsignatures.Severity.CRITICAL;
import static io.agentfactory.sdk.logsignatures.Severity.HIGH;
import static io.agentfactory.sdk.logsignatures.Severity.MEDIUM;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * An ordered list of log signatures. A line is classified by the first signature that matches it,
 * so order is precedence: specific signatures come before generic ones, and a user catalog comes
 * before the defaults.
 *
 * <p>A user catalog is a YAML file ({@value #USER_FILE} under the home directory by default):
 * <pre>{@code
 * signatures:
 *   - id: flaky-registry
 *     pattern: "registry\\.example\\.com.*503"
 *     type: tool_issue
 *     severity: high
 *     title: Package registry unavailable
 * }</pre>
 *
 * @param signatures the signatures, in precedence order
 */
public record LogSignatureCatalog(List<LogSignature> signatures) {

    /** Where the user catalog lives, relative to the home directory. */
    public static final String USER_FILE = ".config/af/log-signatures.yaml";

    // Most specific first: the generic tool-error and timeout patterns would otherwise win.
    private static final LogSignatureCatalog DEFAULTS = new LogSignatureCatalog(List.of(
            new LogSignature("approval-required", "This command requires approval|requires approval",
                    APPROVAL_REQUIRED, CRITICAL, "Command requires approval in autonomous mode"),
            new LogSignature("write-before-read", "File has not been read yet",
                    TOOL_MISUSE, HIGH, "Write attempted before read"),
            new LogSignature("file-does-not-exist", "File does not exist",
                    TOOL_MISUSE, MEDIUM, "File does not exist"),
            new LogSignature("path-does-not-exist", "Path does not exist",
                    TOOL_MISUSE, MEDIUM, "Path does not exist"),
            new LogSignature("invalid-tool-param", "Unknown JSON field",
                    TOOL_MISUSE, HIGH, "Invalid tool parameter"),
            new LogSignature("glob-in-write", "Glob patterns are not allowed in write",
                    TOOL_MISUSE, MEDIUM, "Glob pattern used in write operation"),
            new LogSignature("tool-api-error", "<tool_use_error>.*</tool_use_error>",
                    TOOL_MISUSE, HIGH, "Tool API error"),
            new LogSignature("file-too-large", "exceeds maximum allowed tokens",
                    TOOL_ISSUE, MEDIUM, "File too large to read"),
            new LogSignature("dir-blocked", "cd in .* was blocked|only change directories to the allowed",
                    PERMISSION, HIGH, "Directory change blocked by sandbox"),
            new LogSignature("sandbox-permission", "sandbox.*not allowed|operation not permitted",
                    PERMISSION, HIGH, "Sandbox permission error"),
            new LogSignature("file-permission-denied", "permission denied|EACCES|access denied",
                    PERMISSION, HIGH, "File permission denied"),
            new LogSignature("file-not-found", "ENOENT|no such file or directory",
                    TOOL_ISSUE, MEDIUM, "File not found error"),
            new LogSignature("network-timeout", "timeout|ETIMEDOUT|connection timed out",
                    PERFORMANCE, MEDIUM, "Network timeout"),
            new LogSignature("rate-limit", "rate limit|429|too many requests",
                    PERFORMANCE, HIGH, "Rate limit exceeded"),
            new LogSignature("network-connection", "ECONNREFUSED|ENOTFOUND|connection refused",
                    TOOL_ISSUE, MEDIUM, "Network connection error"),
            new LogSignature("worktree-conflict", "is already used by worktree|already checked out",
                    TOOL_ISSUE, HIGH, "Git worktree conflict"),
            new LogSignature("tool-execution-failed", "tool.*error|tool.*failed|command failed",
                    TOOL_ISSUE, MEDIUM, "Tool execution failed")));

    /** Copies the list. */
    public LogSignatureCatalog {
        signatures = Copies.list(signatures);
    }

    /** The built-in catalog: 17 signatures, most specific first. */
    public static LogSignatureCatalog defaults() {
        return DEFAULTS;
    }

    /** The default path of the user catalog: {@value #USER_FILE} under {@code user.home} (no file I/O). */
    public static Path defaultUserFile() {
        return Paths.get(System.getProperty("user.home", ""), USER_FILE);
    }

    /** A catalog that tries {@code first}, in order, before this one's signatures. */
    public LogSignatureCatalog precededBy(List<LogSignature> first) {
        List<LogSignature> merged = new ArrayList<>(first.size() + signatures.size());
        merged.addAll(first);
        merged.addAll(signatures);
        return new LogSignatureCatalog(merged);
    }
}
