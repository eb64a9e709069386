package io.agentfactory.sdk.reactor.internal.stop;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.error.StopSessionRefusedException;
import io.agentfactory.sdk.reactor.internal.http.ResponseDecoder;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.reactor.internal.json.UntrustedText;
import io.agentfactory.sdk.session.StopReceiptKind;
import io.agentfactory.sdk.session.StopSessionReceipt;
import io.agentfactory.sdk.session.StopSessionResponse;

/**
 * The stop answer's receipt, checked against its closed schema before anything is decoded: version
 * 1; a known kind with exactly that kind's keys (an unknown or other-family key is refused); every
 * id a bounded token; a terminal disposition; a lower-case SHA-256 digest; an RFC 3339 time; and no
 * key or value that looks like a credential. A failing receipt fails the answer with one fixed
 * message that quotes nothing of it. An answer without a receipt (older coordinators) decodes as
 * before. Not API.
 */
public final class StopReceipts {

    private static final Set<String> COMMON = Set.of("version", "kind", "sessionId", "idempotentReplay");
    private static final Set<String> RUNTIME = Set.of("mutationId", "intentRevision", "disposition");
    private static final Set<String> RECONCILIATION = Set.of("orgId", "projectId", "workflowInstanceId",
            "previousStatus", "terminalDisposition", "reason", "actorId", "intentDigest", "recordedAt");

    private static final Set<String> STOP_DISPOSITIONS = Set.of("stopped", "failed", "completed", "timed_out");
    private static final Set<String> PRE_SESSION_STATUSES = Set.of("pending", "queued", "parked");
    private static final Set<String> RECONCILED_DISPOSITIONS = Set.of("stopped", "failed");

    /** The one message of a refused receipt: it never repeats what the server sent. */
    static final String UNSAFE = "stop receipt is malformed or unsafe; it was not decoded";

    /** Decodes a stop answer, checking its receipt first. */
    public static final ResponseDecoder<StopSessionResponse> RESPONSE = StopReceipts::decodeResponse;

    private StopReceipts() {
    }

    private static StopSessionResponse decodeResponse(byte[] body, int length) {
        JsonNode tree = JsonCodec.get().mapper().readTree(body, 0, length);
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("stop answer is not a JSON object");
        }
        JsonNode receipt = tree.get("receipt");
        if (receipt != null && !receipt.isNull()) {
            check(receipt);
        }
        StopSessionResponse response = JsonCodec.get().mapper().treeToValue(tree, StopSessionResponse.class);
        if (response == null) {
            throw new IllegalArgumentException("stop answer is JSON null");
        }
        return response;
    }

    /**
     * The receipt when {@code node} passes the schema, else {@code null}.
     */
    public static @Nullable StopSessionReceipt validOrNull(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            check(node);
            return JsonCodec.get().mapper().treeToValue(node, StopSessionReceipt.class);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Checks one receipt against the closed schema.
     *
     * @throws IllegalArgumentException with {@link #UNSAFE} when it fails
     */
    static void check(JsonNode node) {
        if (!(node instanceof ObjectNode receipt) || containsSecret(receipt)) {
            throw refused();
        }
        JsonNode version = receipt.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() != 1
                || !atom(receipt, "sessionId", 256)) {
            throw refused();
        }
        String kind = text(receipt, "kind");
        boolean valid;
        if (StopReceiptKind.SESSION_STOP.value().equals(kind)) {
            JsonNode replay = receipt.get("idempotentReplay");
            valid = onlyKeys(receipt, RUNTIME) && (replay == null || replay.isBoolean())
                    && atom(receipt, "mutationId", 256) && atom(receipt, "intentRevision", 64)
                    && STOP_DISPOSITIONS.contains(text(receipt, "disposition"));
        }
        else if (StopReceiptKind.PRE_SESSION_DISPATCH_RECONCILIATION.value().equals(kind)) {
            JsonNode replay = receipt.get("idempotentReplay");
            valid = onlyKeys(receipt, RECONCILIATION) && replay != null && replay.isBoolean()
                    && atom(receipt, "orgId", 256) && atom(receipt, "projectId", 256)
                    && atom(receipt, "workflowInstanceId", 256) && atom(receipt, "actorId", 256)
                    && PRE_SESSION_STATUSES.contains(text(receipt, "previousStatus"))
                    && RECONCILED_DISPOSITIONS.contains(text(receipt, "terminalDisposition"))
                    && UntrustedText.line(text(receipt, "reason"), 1024)
                    && sha256Hex(text(receipt, "intentDigest"))
                    && rfc3339(text(receipt, "recordedAt"));
        }
        else {
            valid = false;
        }
        if (!valid) {
            throw refused();
        }
    }

    /**
     * The typed form of a 409 stop answer: its code and cause when they are bounded tokens, its
     * receipt when valid, its message when a safe single line; everything else dropped.
     */
    public static StopSessionRefusedException refusal(ConflictException conflict) {
        Map<String, Object> details = conflict.details();
        String code = UntrustedText.atomOrEmpty(details.get("code"));
        String cause = UntrustedText.atomOrEmpty(details.get("cause"));
        StopSessionReceipt receipt = details.get("receipt") instanceof Map<?, ?> map
                ? validOrNull(JsonCodec.get().mapper().valueToTree(map)) : null;
        String message = UntrustedText.line(conflict.serverMessage(), 1024) ? conflict.serverMessage() : "";
        Map<String, Object> kept = new LinkedHashMap<>();
        if (!code.isEmpty()) {
            kept.put("code", code);
        }
        if (!cause.isEmpty()) {
            kept.put("cause", cause);
        }
        HttpError error = new HttpError(conflict.method().orElse("POST"), conflict.path().orElse(""),
                conflict.status(), message.isEmpty() && !cause.isEmpty() ? "stop refused (" + cause + ")" : message,
                conflict.retryAfter().orElse(null), kept);
        return new StopSessionRefusedException(error, code, cause, receipt);
    }

    private static boolean containsSecret(JsonNode node) {
        if (node.isString()) {
            return UntrustedText.looksSecret(node.asString());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (UntrustedText.secretName(field.getKey()) || UntrustedText.looksSecret(field.getKey())
                        || containsSecret(field.getValue())) {
                    return true;
                }
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsSecret(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean onlyKeys(ObjectNode receipt, Set<String> family) {
        for (String name : receipt.propertyNames()) {
            if (!COMMON.contains(name) && !family.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static boolean atom(ObjectNode receipt, String name, int maxLength) {
        return UntrustedText.atom(text(receipt, name), maxLength);
    }

    /** The field's string value; {@code null} when absent or not a string. */
    private static @Nullable String text(ObjectNode receipt, String name) {
        JsonNode value = receipt.get(name);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static boolean sha256Hex(@Nullable String value) {
        return value != null && value.length() == 64 && value.chars().allMatch(c -> c >= '0' && c <= '9'
                || c >= 'a' && c <= 'f');
    }

    private static boolean rfc3339(@Nullable String value) {
        if (value == null) {
            return false;
        }
        try {
            OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        }
        catch (DateTimeParseException e) {
            return false;
        }
    }

    private static IllegalArgumentException refused() {
        return new IllegalArgumentException(UNSAFE);
    }
}
