package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.orchestrator.AgentEvent;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * Codex's {@code app-server} protocol: newline-delimited JSON-RPC over standard input and output.
 * The session is a handshake — {@code initialize} (answered), the {@code initialized}
 * notification, {@code thread/start} (answered with the thread id: the session id), then one
 * {@code turn/start} with the prompt — followed by notifications until {@code turn/completed}.
 *
 * <p>Mapping: {@code item/completed} of an {@code agentMessage} is assistant text;
 * {@code turn/completed} with status {@code completed} is a successful result (the last assistant
 * text as its message), any other status a failed one; an {@code error} notification is an
 * error that continues the session when {@code willRetry} is true; an error answer to one of our
 * requests ends the session. Requests from the server (approvals) are refused: the thread runs
 * with {@code approvalPolicy: never}. Not API.
 */
public final class CodexAppServer implements AgentProtocol {

    private static final int INITIALIZE = 1;
    private static final int THREAD_START = 2;
    private static final int TURN_START = 3;

    private final String prompt;
    private final String developerInstructions;
    private final Path cwd;
    private String lastText = "";

    /** The protocol for a session asked {@code prompt} in {@code cwd}. */
    public CodexAppServer(String prompt, String developerInstructions, Path cwd) {
        this.prompt = prompt;
        this.developerInstructions = developerInstructions;
        this.cwd = cwd;
    }

    @Override
    public void start(AgentInput input) {
        input.writeLine(request(INITIALIZE, "initialize",
                Map.of("clientInfo", Map.of("name", "agentfactory-sdk", "version", "0.1.0"))));
    }

    @Override
    public List<AgentEvent> decode(String line, AgentInput input) {
        JsonNode message = JsonLines.object(line);
        JsonNode id = message.get("id");
        String method = JsonLines.text(message, "method");
        if (id != null && !method.isEmpty()) {
            input.writeLine(JsonCodec.get().encodeToString(Map.of("id", id,
                    "error", Map.of("code", -32601, "message", "not supported by this client"))));
            return List.of(new AgentEvent.Progress("server_request", method));
        }
        if (id != null) {
            return answer(id.asInt(-1), message, input);
        }
        return notification(method, message.path("params"));
    }

    private List<AgentEvent> answer(int id, JsonNode message, AgentInput input) {
        JsonNode error = message.get("error");
        if (error != null && !error.isNull()) {
            return List.of(new AgentEvent.AgentError(JsonLines.text(error, "message"),
                    "jsonrpc_" + error.path("code").asInt(0), false));
        }
        JsonNode result = message.path("result");
        switch (id) {
            case INITIALIZE:
                input.writeLine(JsonCodec.get().encodeToString(Map.of("method", "initialized")));
                Map<String, Object> thread = new LinkedHashMap<>();
                thread.put("cwd", cwd.toString());
                thread.put("approvalPolicy", "never");
                if (!developerInstructions.isEmpty()) {
                    thread.put("developerInstructions", developerInstructions);
                }
                input.writeLine(request(THREAD_START, "thread/start", thread));
                return List.of(new AgentEvent.Progress("initialized", JsonLines.text(result, "userAgent")));
            case THREAD_START:
                String threadId = JsonLines.text(result.path("thread"), "id");
                input.writeLine(request(TURN_START, "turn/start", Map.of("threadId", threadId,
                        "input", List.of(Map.of("type", "text", "text", prompt)))));
                return List.of(new AgentEvent.Init(threadId, JsonLines.text(result, "model")));
            default:
                return List.of(new AgentEvent.Progress("response", String.valueOf(id)));
        }
    }

    private List<AgentEvent> notification(String method, JsonNode params) {
        switch (method) {
            case "item/completed": {
                JsonNode item = params.path("item");
                String type = JsonLines.text(item, "type");
                if (type.equals("agentMessage")) {
                    lastText = JsonLines.text(item, "text");
                    return List.of(new AgentEvent.AssistantText(lastText));
                }
                if (type.equals("commandExecution")) {
                    return List.of(new AgentEvent.ToolResult(JsonLines.text(item, "id"),
                            JsonLines.text(item, "aggregatedOutput"), !"completed".equals(JsonLines.text(item, "status"))));
                }
                return List.of(new AgentEvent.Progress(method, type));
            }
            case "item/started": {
                JsonNode item = params.path("item");
                if (JsonLines.text(item, "type").equals("commandExecution")) {
                    return List.of(new AgentEvent.ToolUse(JsonLines.text(item, "id"), "commandExecution",
                            JsonLines.text(item, "command")));
                }
                return List.of(new AgentEvent.Progress(method, JsonLines.text(item, "type")));
            }
            case "turn/completed": {
                JsonNode turn = params.path("turn");
                String status = JsonLines.text(turn, "status");
                if (status.equals("completed")) {
                    return List.of(AgentEvent.Result.success(lastText));
                }
                String reason = JsonLines.text(turn.path("error"), "message");
                return List.of(AgentEvent.Result.failure(reason.isEmpty() ? "turn " + status : reason,
                        status.isEmpty() ? "turn_failed" : status));
            }
            case "error": {
                JsonNode error = params.path("error");
                return List.of(new AgentEvent.AgentError(JsonLines.text(error, "message"),
                        JsonLines.text(error, "codexErrorInfo"), params.path("willRetry").asBoolean(false)));
            }
            default:
                return List.of(new AgentEvent.Progress(method, ""));
        }
    }

    private static String request(int id, String method, Object params) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("method", method);
        request.put("params", params);
        return JsonCodec.get().encodeToString(request);
    }
}
