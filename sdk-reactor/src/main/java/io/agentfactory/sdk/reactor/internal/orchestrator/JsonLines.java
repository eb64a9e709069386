package io.agentfactory.sdk.reactor.internal.orchestrator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/** Reading one JSON object per output line of an agent. Not API. */
final class JsonLines {

    private JsonLines() {
    }

    /**
     * {@code line} as a JSON object.
     *
     * @throws ResponseDecodeException when it is not one (the message quotes no content)
     */
    static JsonNode object(String line) {
        JsonNode node;
        try {
            node = JsonCodec.get().mapper().readTree(line);
        }
        catch (JacksonException e) {
            throw new ResponseDecodeException(null, null, "agent output line is not JSON ("
                    + line.length() + " chars)", null);
        }
        if (node == null || !node.isObject()) {
            throw new ResponseDecodeException(null, null, "agent output line is not a JSON object", null);
        }
        return node;
    }

    /** The string field {@code name} of {@code node}, {@code ""} when absent or not a string. */
    static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() ? value.asString() : "";
    }
}
