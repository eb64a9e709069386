package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.orchestrator.AgentEvent;

/**
 * Claude Code's {@code --output-format stream-json} protocol: the prompt goes in on standard input
 * (then the input is closed), and each output line is one JSON object — {@code system/init},
 * {@code assistant} (text and tool calls), {@code user} (tool results), {@code result}, and
 * {@code error}. A {@code result} with {@code is_error: true} is a failed result. Not API.
 */
public final class ClaudeStreamJson implements AgentProtocol {

    private final String prompt;

    /** The protocol for a session asked {@code prompt}. */
    public ClaudeStreamJson(String prompt) {
        this.prompt = prompt;
    }

    @Override
    public void start(AgentInput input) {
        input.writeAndClose(prompt);
    }

    @Override
    public List<AgentEvent> decode(String line, AgentInput input) {
        return decodeLine(line);
    }

    /** The events of one stream-json line. */
    static List<AgentEvent> decodeLine(String line) {
        JsonNode node = JsonLines.object(line);
        String type = JsonLines.text(node, "type");
        switch (type) {
            case "system":
                return "init".equals(JsonLines.text(node, "subtype"))
                        ? List.of(new AgentEvent.Init(JsonLines.text(node, "session_id"), JsonLines.text(node, "model")))
                        : List.of(new AgentEvent.Progress("system", JsonLines.text(node, "subtype")));
            case "assistant":
                return content(node, true);
            case "user":
                return content(node, false);
            case "result":
                return List.of(result(node));
            case "error":
                return List.of(error(node));
            case "":
                throw new ResponseDecodeException(null, null, "stream-json line without a type", null);
            default:
                return List.of(new AgentEvent.Progress(type, JsonLines.text(node, "subtype")));
        }
    }

    private static List<AgentEvent> content(JsonNode node, boolean assistant) {
        JsonNode parts = node.path("message").path("content");
        List<AgentEvent> events = new ArrayList<>();
        if (parts.isString()) {
            events.add(new AgentEvent.AssistantText(parts.asString()));
            return events;
        }
        for (JsonNode part : parts) {
            String kind = JsonLines.text(part, "type");
            if (assistant && kind.equals("text")) {
                events.add(new AgentEvent.AssistantText(JsonLines.text(part, "text")));
            }
            else if (assistant && kind.equals("tool_use")) {
                JsonNode in = part.get("input");
                events.add(new AgentEvent.ToolUse(JsonLines.text(part, "id"), JsonLines.text(part, "name"),
                        in == null || in.isNull() ? "" : in.toString()));
            }
            else if (kind.equals("tool_result")) {
                JsonNode c = part.get("content");
                events.add(new AgentEvent.ToolResult(JsonLines.text(part, "tool_use_id"),
                        c == null || c.isNull() ? "" : c.isString() ? c.asString() : c.toString(),
                        part.path("is_error").asBoolean(false)));
            }
            else {
                events.add(new AgentEvent.Progress(assistant ? "assistant_" + kind : "user_" + kind, ""));
            }
        }
        return events;
    }

    private static AgentEvent.Result result(JsonNode node) {
        boolean isError = node.path("is_error").asBoolean(false);
        String subtype = JsonLines.text(node, "subtype");
        List<String> errors = new ArrayList<>();
        for (JsonNode e : node.path("errors")) {
            errors.add(e.isString() ? e.asString() : e.toString());
        }
        JsonNode cost = node.get("total_cost_usd");
        return new AgentEvent.Result(!isError, JsonLines.text(node, "result"), errors,
                isError && !subtype.equals("success") ? subtype : "",
                cost != null && cost.isNumber() ? cost.asDouble() : null);
    }

    private static AgentEvent.AgentError error(JsonNode node) {
        JsonNode error = node.path("error");
        String message = error.isObject() ? JsonLines.text(error, "message")
                : error.isString() ? error.asString() : JsonLines.text(node, "message");
        String code = error.isObject() ? JsonLines.text(error, "type") : JsonLines.text(node, "code");
        return new AgentEvent.AgentError(message, code, node.path("session_continues").asBoolean(false));
    }

}
