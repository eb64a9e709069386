package io.agentfactory.sdk.reactor.internal.restart;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.daemon.DaemonRestartPreflightResponse;
import io.agentfactory.sdk.daemon.DaemonRestartPreflightState;
import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.error.DaemonRestartPreflightRefusedException;
import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.reactor.internal.http.ResponseDecoder;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.reactor.internal.json.UntrustedText;

/**
 * The restart preflight answer, accepted only in its closed shape: at most {@value #MAX_BODY_BYTES}
 * bytes, one JSON object and nothing after it, exactly the four known fields with their JSON types,
 * protocol {@value DaemonRestartPreflightResponse#PROTOCOL}, a non-blank preparation id, and a
 * scope count that fits the state. Failures name the rule broken, never a value the daemon sent.
 * Not API.
 */
public final class RestartPreflight {

    /** The largest answer accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 8192;

    private static final Set<String> FIELDS = Set.of("protocol", "state", "preparationId", "scopeCount");
    private static final Set<String> REFUSAL_FIELDS = Set.of("code", "cause");

    /** Decodes and checks a 2xx answer. */
    public static final ResponseDecoder<DaemonRestartPreflightResponse> RESPONSE = RestartPreflight::decode;

    private RestartPreflight() {
    }

    private static DaemonRestartPreflightResponse decode(byte[] body, int length) {
        if (length > MAX_BODY_BYTES) {
            throw invalid("the answer exceeds " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode tree;
        try (JsonParser parser = JsonCodec.get().mapper().createParser(body, 0, length)) {
            tree = JsonCodec.get().mapper().readTree(parser);
            if (parser.nextToken() != null) {
                throw invalid("trailing data after the JSON object");
            }
        }
        if (tree == null || !tree.isObject()) {
            throw invalid("the answer is not a JSON object");
        }
        for (String name : tree.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw invalid("the answer has an unknown field");
            }
        }
        String protocol = string(tree, "protocol");
        String state = string(tree, "state");
        String preparationId = string(tree, "preparationId");
        JsonNode count = tree.get("scopeCount");
        if (count != null && !(count.isIntegralNumber() && count.canConvertToInt())) {
            throw invalid("scopeCount is not an integer");
        }
        int scopeCount = count == null ? 0 : count.asInt();
        if (!DaemonRestartPreflightResponse.PROTOCOL.equals(protocol)) {
            throw invalid("the answer speaks another protocol");
        }
        if (preparationId.isBlank()) {
            throw invalid("preparationId is empty");
        }
        DaemonRestartPreflightState granted = DaemonRestartPreflightState.of(state);
        if (granted.equals(DaemonRestartPreflightState.PREPARED)) {
            if (scopeCount <= 0) {
                throw invalid("a prepared answer needs scopeCount > 0");
            }
        }
        else if (granted.equals(DaemonRestartPreflightState.NOT_REQUIRED)) {
            if (scopeCount != 0) {
                throw invalid("a not_required answer needs scopeCount 0");
            }
        }
        else {
            throw invalid("the state is not a known permission");
        }
        return new DaemonRestartPreflightResponse(protocol, granted, preparationId, scopeCount);
    }

    /**
     * The typed refusal when a 409 is exactly {@code {"error", "code": "restart_preflight_refused",
     * "cause"?}}; the conflict itself otherwise. A cause that is not a bounded token is dropped.
     */
    public static ConflictException refusal(ConflictException conflict) {
        Map<String, Object> details = conflict.details();
        if (!DaemonRestartPreflightRefusedException.CODE.equals(details.get("code"))
                || !REFUSAL_FIELDS.containsAll(details.keySet())) {
            return conflict;
        }
        String cause = UntrustedText.atomOrEmpty(details.get("cause"));
        String base = DaemonRestartPreflightRefusedException.MESSAGE;
        String sent = conflict.serverMessage();
        String message;
        if (!cause.isEmpty()) {
            message = base + " (" + cause + ")";
        }
        else if (!sent.isEmpty() && !sent.equals(base) && UntrustedText.line(sent, 512)) {
            message = base + ": " + sent;
        }
        else {
            message = base;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("code", DaemonRestartPreflightRefusedException.CODE);
        if (!cause.isEmpty()) {
            kept.put("cause", cause);
        }
        HttpError error = new HttpError(conflict.method().orElse("POST"), conflict.path().orElse(""),
                conflict.status(), message, conflict.retryAfter().orElse(null), kept);
        return new DaemonRestartPreflightRefusedException(error, cause);
    }

    private static String string(JsonNode tree, String name) {
        JsonNode value = tree.get(name);
        if (value == null) {
            return "";
        }
        if (!value.isString()) {
            throw invalid(name + " is not a string");
        }
        return value.asString();
    }

    private static IllegalArgumentException invalid(String rule) {
        return new IllegalArgumentException("invalid restart preflight answer: " + rule);
    }
}
