package io.agentfactory.sdk.orchestrator;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import io.agentfactory.sdk.internal.Copies;

/**
 * What one agent session is asked to do and where.
 *
 * @param prompt the user prompt (Claude Code reads it on stdin; Codex gets it as the turn's input)
 * @param systemPromptAppend text appended to the agent's system prompt, {@code ""} for none
 * @param workingDirectory the directory the agent runs in
 * @param environment explicit environment variables for the agent; trusted (they may set keys the
 *        inherited environment's blocklist removes) but never runner-only keys
 */
public record AgentSpec(String prompt, String systemPromptAppend, Path workingDirectory,
        Map<String, String> environment) {

    /**
     * Normalizes absent values; copies the environment.
     *
     * @throws IllegalArgumentException when the prompt is blank
     */
    public AgentSpec {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be blank");
        }
        systemPromptAppend = Copies.text(systemPromptAppend);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Copies.map(environment);
    }

    /**
     * The spec the reference builds for an issue: the prompt names the issue and carries its
     * description, the agent runs in {@code workingDirectory}, and {@code LINEAR_ISSUE_ID} and
     * {@code LINEAR_ISSUE_IDENTIFIER} are set.
     */
    public static AgentSpec forIssue(Issue issue, Path workingDirectory) {
        String prompt = "Work on Linear issue " + issue.displayName() + ": " + issue.title()
                + (issue.description().isEmpty() ? "" : "\n\n" + issue.description());
        return new AgentSpec(prompt, "", workingDirectory,
                Map.of("LINEAR_ISSUE_ID", issue.id(), "LINEAR_ISSUE_IDENTIFIER", issue.identifier()));
    }
}
