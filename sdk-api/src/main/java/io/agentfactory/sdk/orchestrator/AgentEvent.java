package io.agentfactory.sdk.orchestrator;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;

/**
 * One event of an agent session, as a harness decodes it from the agent's output (Claude Code's
 * {@code stream-json} lines, Codex's {@code app-server} notifications). Only a {@link Result} and an
 * {@link AgentError} that does not {@linkplain AgentError#sessionContinues() continue the session}
 * are terminal; everything else is progress.
 */
public sealed interface AgentEvent permits AgentEvent.Init, AgentEvent.AssistantText, AgentEvent.ToolUse,
        AgentEvent.ToolResult, AgentEvent.Progress, AgentEvent.Result, AgentEvent.AgentError {

    /** Whether this event ends the session: a result, or an error that does not continue the session. */
    default boolean isTerminal() {
        return this instanceof Result || this instanceof AgentError e && !e.sessionContinues();
    }

    /**
     * The session started.
     *
     * @param sessionId the agent's session (or thread) id; {@code ""} when it gave none
     * @param model the model, {@code ""} when not reported
     */
    record Init(String sessionId, String model) implements AgentEvent {
        /** Normalizes absent values to {@code ""}. */
        public Init {
            sessionId = Copies.text(sessionId);
            model = Copies.text(model);
        }
    }

    /**
     * Text the assistant wrote.
     *
     * @param text the text
     */
    record AssistantText(String text) implements AgentEvent {
        /** Normalizes an absent text to {@code ""}. */
        public AssistantText {
            text = Copies.text(text);
        }
    }

    /**
     * The agent called a tool.
     *
     * @param id the tool call's id
     * @param name the tool's name
     * @param input the call's input as JSON text, {@code ""} when none
     */
    record ToolUse(String id, String name, String input) implements AgentEvent {
        /** Normalizes absent values to {@code ""}. */
        public ToolUse {
            id = Copies.text(id);
            name = Copies.text(name);
            input = Copies.text(input);
        }
    }

    /**
     * A tool call returned.
     *
     * @param toolUseId the id of the {@link ToolUse} it answers
     * @param content the result as text
     * @param isError whether the tool reported an error
     */
    record ToolResult(String toolUseId, String content, boolean isError) implements AgentEvent {
        /** Normalizes absent values to {@code ""}. */
        public ToolResult {
            toolUseId = Copies.text(toolUseId);
            content = Copies.text(content);
        }
    }

    /**
     * Anything else the agent reported (system lines, tool progress, LLM calls, deltas).
     *
     * @param kind what it was ({@code system}, {@code tool_progress}, a JSON-RPC method, …)
     * @param detail a short description, {@code ""} when none
     */
    record Progress(String kind, String detail) implements AgentEvent {
        /** Normalizes absent values to {@code ""}. */
        public Progress {
            kind = Copies.text(kind);
            detail = Copies.text(detail);
        }
    }

    /**
     * The session ended with a result (terminal).
     *
     * @param success whether the agent reports success ({@code is_error: false})
     * @param message the final message ({@code ""} when none)
     * @param errors the errors the agent listed, in order
     * @param errorSubtype the failure's subtype ({@code error_during_execution}, {@code error_max_turns}, …), {@code ""} when none
     * @param costUsd the reported cost in US dollars, {@code null} when not reported
     */
    record Result(boolean success, String message, List<String> errors, String errorSubtype,
            @Nullable Double costUsd) implements AgentEvent {
        /** Normalizes absent values; copies the errors. */
        public Result {
            message = Copies.text(message);
            errors = Copies.list(errors);
            errorSubtype = Copies.text(errorSubtype);
        }

        /** A successful result with {@code message}. */
        public static Result success(String message) {
            return new Result(true, message, List.of(), "", null);
        }

        /** A failed result with {@code message} and {@code errorSubtype} ({@code ""} for none). */
        public static Result failure(String message, String errorSubtype) {
            return new Result(false, message, List.of(), errorSubtype, null);
        }
    }

    /**
     * The agent reported an error. Terminal unless {@code sessionContinues}: then the agent goes
     * on (a policy note, a retried request) and the session is still waited for.
     *
     * @param message the message, {@code ""} when none
     * @param code a machine-readable code, {@code ""} when none
     * @param sessionContinues whether the session goes on after this error
     */
    record AgentError(String message, String code, boolean sessionContinues) implements AgentEvent {
        /** Normalizes absent values to {@code ""}. */
        public AgentError {
            message = Copies.text(message);
            code = Copies.text(code);
        }
    }
}
