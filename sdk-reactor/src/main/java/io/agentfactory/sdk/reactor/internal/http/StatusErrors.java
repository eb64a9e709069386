package io.agentfactory.sdk.reactor.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.error.BadRequestException;
import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.error.ForbiddenException;
import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.error.HttpStatusException;
import io.agentfactory.sdk.error.KitTrustGateException;
import io.agentfactory.sdk.error.NotAuthenticatedException;
import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.error.RateLimitedException;
import io.agentfactory.sdk.error.ServerErrorException;
import io.agentfactory.sdk.error.UnavailableException;
import io.agentfactory.sdk.error.UnexpectedStatusException;
import io.agentfactory.sdk.error.UnimplementedException;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * Maps a non-2xx answer to its typed error (sdk-api/CONTRACT.md §2): the status class, the server's
 * message from any of the three body shapes ({@code {"error": …}}, {@code {"ok": false,
 * "message": …}}, plain text), the other JSON fields as details, and {@code Retry-After} as a
 * delay. Reading an error body never fails: what does not parse is kept as text. Not API.
 */
public final class StatusErrors {

    /** The longest server message kept in an error, in characters. */
    public static final int MAX_MESSAGE_CHARS = 1024;

    private StatusErrors() {
    }

    /**
     * The typed error of an answer.
     *
     * @param method the request method
     * @param path the request path (no query)
     * @param status the status code
     * @param retryAfterHeader the {@code Retry-After} header, or {@code null}
     * @param body the (possibly truncated) body bytes
     * @param length how many bytes of {@code body} to read
     * @param truncated whether the body was cut at the read limit
     * @param redactor removes secrets from text taken from the server
     * @param clock the clock HTTP-date {@code Retry-After} values are measured against
     */
    public static HttpStatusException toException(String method, String path, int status,
            @Nullable String retryAfterHeader, byte[] body, int length, boolean truncated,
            UnaryOperator<String> redactor, Clock clock) {
        String text = ServerText.decode(body, length);
        String message = "";
        Map<String, Object> details = Map.of();
        JsonNode tree = parseObject(text);
        if (tree != null) {
            JsonCodec codec = JsonCodec.get();
            Map<String, Object> fields = codec.mapper().convertValue(tree, codec.stringKeyedMap());
            Object error = fields.remove("error");
            if (error instanceof String s) {
                message = s;
            }
            else if (fields.get("message") instanceof String s && Boolean.FALSE.equals(fields.get("ok"))) {
                message = s;
                fields.remove("message");
                fields.remove("ok");
            }
            else if (error != null) {
                message = String.valueOf(error);
            }
            details = redactDetails(fields, redactor);
        }
        else {
            message = text.strip();
        }
        message = bound(ServerText.escapeControls(redactor.apply(message)), truncated);
        Duration retryAfter = parseRetryAfter(retryAfterHeader, clock);
        HttpError error = new HttpError(method, path, status, message, retryAfter, details);
        return switch (status) {
            case 400 -> new BadRequestException(error);
            case 401 -> new NotAuthenticatedException(error);
            case 403 -> details.containsKey("kitId") && details.containsKey("trust")
                    ? new KitTrustGateException(error) : new ForbiddenException(error);
            case 404 -> new NotFoundException(error);
            case 409 -> new ConflictException(error);
            case 429 -> new RateLimitedException(error);
            case 501 -> new UnimplementedException(error);
            case 503 -> new UnavailableException(error);
            default -> status >= 500 ? new ServerErrorException(error) : new UnexpectedStatusException(error);
        };
    }

    /**
     * A {@code Retry-After} value as a delay: delta-seconds ({@code 30}) or an HTTP date (the
     * delay until then, never negative). {@code null} when absent or not understood.
     */
    public static @Nullable Duration parseRetryAfter(@Nullable String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            }
            catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(clock.instant(), at);
            return delay.isNegative() ? Duration.ZERO : delay;
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable JsonNode parseObject(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JsonCodec.get().mapper().readTree(t);
            return node != null && node.isObject() ? node : null;
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Object> redactDetails(Map<String, Object> fields, UnaryOperator<String> redactor) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, redact(v, redactor)));
        return out;
    }

    /** Redacts every string of a JSON value, at any depth (servers echo request headers in nested objects). */
    private static @Nullable Object redact(@Nullable Object value, UnaryOperator<String> redactor) {
        if (value instanceof String s) {
            return redactor.apply(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, @Nullable Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k instanceof String s ? redactor.apply(s) : k, redact(v, redactor)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(redact(v, redactor)));
            return out;
        }
        return value;
    }

    private static String bound(String message, boolean truncated) {
        if (message.length() > MAX_MESSAGE_CHARS) {
            int end = MAX_MESSAGE_CHARS;
            if (Character.isHighSurrogate(message.charAt(end - 1))) {
                end--;
            }
            return message.substring(0, end) + "… (truncated)";
        }
        return truncated ? message + "… (truncated)" : message;
    }
}
