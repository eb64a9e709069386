package io.agentfactory.sdk.reactor;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.reactor.internal.http.HeaderValues;

/**
 * Options for the calls of one client view ({@code ReactorCoordinatorClient.withOptions(...)},
 * {@code ReactorDaemonClient.withOptions(...)}): a total deadline, a retry policy, extra headers and
 * an idempotency key. Immutable; build with {@link #builder()}.
 *
 * <ul>
 * <li>The <b>deadline</b> bounds the whole call: every attempt, the backoff and any
 * {@code Retry-After} wait between them, and the whole body of a unary answer (a server trickling
 * its body a byte at a time is cut off). When it passes, the call fails with
 * {@link io.agentfactory.sdk.error.RequestTimeoutException}; a retry whose wait would end after the
 * deadline is not attempted, and the call fails at once with the failure that asked for it. On a
 * stream ({@code streamDiff}, {@code followActivities}) it bounds the whole stream.</li>
 * <li>The <b>retry policy</b> replaces {@link TransportOptions#retryPolicy()} for these calls.</li>
 * <li><b>Extra headers</b> are added to every request. Names must be HTTP tokens, values must not
 * hold control characters (CR, LF, …) or characters beyond ISO-8859-1. The headers the SDK owns
 * cannot be set here and are refused at build time rather than silently dropped or overridden:
 * {@code Authorization}, {@code Proxy-Authorization}, every {@code X-Rensei-*} header, {@code Host},
 * {@code Content-Length}, {@code Content-Type}, {@code Transfer-Encoding}, {@code Connection},
 * {@code Keep-Alive}, {@code Proxy-Connection},
 * {@code Upgrade}, {@code TE}, {@code Trailer}, {@code Accept}, {@code User-Agent} and
 * {@code Idempotency-Key} (use {@link Builder#idempotencyKey(String)}).</li>
 * <li>The <b>idempotency key</b> is sent as {@code Idempotency-Key} on mutating (POST) requests, the
 * same value on every attempt, and makes them retryable under the retry policy like GETs. A key names
 * one logical operation: use a fresh view (or key) per operation.</li>
 * </ul>
 *
 * <pre>{@code
 * coordinator.withOptions(RequestOptions.builder()
 *         .deadline(Duration.ofSeconds(5))
 *         .idempotencyKey(UUID.randomUUID().toString())
 *         .build())
 *     .submitTask(request);
 * }</pre>
 */
public final class RequestOptions {

    /** The header carrying {@link #idempotencyKey()}. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    static final String RESERVED_DESCRIPTION = "Authorization, Proxy-Authorization, every X-Rensei-* header, "
            + "Host, Content-Length, Content-Type, Transfer-Encoding, Connection, Keep-Alive, Proxy-Connection, "
            + "Upgrade, TE, Trailer, Accept, User-Agent and Idempotency-Key";

    private static final Set<String> RESERVED = Set.of("authorization", "proxy-authorization", "host",
            "content-length", "content-type", "transfer-encoding", "connection", "upgrade", "te", "trailer",
            "accept", "user-agent", "idempotency-key", "keep-alive", "proxy-connection");

    private static final String SCOPE_PREFIX = "x-rensei-";

    private static final int MAX_KEY_LENGTH = 255;

    private static final RequestOptions NONE = builder().build();

    private final @Nullable Duration deadline;
    private final @Nullable RetryPolicy retryPolicy;
    private final Map<String, String> headers;
    private final @Nullable String idempotencyKey;

    private RequestOptions(Builder b) {
        this.deadline = b.deadline;
        this.retryPolicy = b.retryPolicy;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.idempotencyKey = b.idempotencyKey;
    }

    /** No deadline, the transport's retry policy, no extra header, no idempotency key. */
    public static RequestOptions none() {
        return NONE;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this instance's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.deadline = deadline;
        b.retryPolicy = retryPolicy;
        b.headers.putAll(headers);
        b.idempotencyKey = idempotencyKey;
        return b;
    }

    /** The total time a call may take, retries and waits included, when set. */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** The retry policy replacing the transport's, when set. */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /** The extra headers, in the order added (names as given). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The {@code Idempotency-Key} sent on mutating requests, when set. */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** Header values are not shown: a caller may pass credentials of their own. */
    @Override
    public String toString() {
        return "RequestOptions[deadline=" + deadline + ", retryPolicy=" + retryPolicy + ", headers="
                + headers.keySet() + ", idempotencyKey=" + (idempotencyKey == null ? "none" : "set") + "]";
    }

    /** Builds {@link RequestOptions}. Not thread-safe; the built options are. */
    public static final class Builder {

        private @Nullable Duration deadline;
        private @Nullable RetryPolicy retryPolicy;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private @Nullable String idempotencyKey;

        private Builder() {
        }

        /**
         * The total time a call may take, every attempt and wait included.
         *
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder deadline(Duration total) {
            Objects.requireNonNull(total, "deadline");
            if (total.isNegative() || total.isZero()) {
                throw new IllegalArgumentException("deadline must be positive: " + total);
            }
            this.deadline = total;
            return this;
        }

        /** The retry policy for these calls, replacing the transport's. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Adds (or replaces, names compared without case) a header sent on every request.
         *
         * @throws IllegalArgumentException when the name is not an HTTP token or is one the SDK owns,
         *         or the value holds a control character or a character beyond ISO-8859-1
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            checkName(name);
            HeaderValues.check(name, value);
            headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /**
         * The {@code Idempotency-Key} sent on mutating requests; makes them retryable.
         *
         * @throws IllegalArgumentException when it is blank, longer than 255 characters, or holds a
         *         control character or a character beyond ISO-8859-1
         */
        public Builder idempotencyKey(String key) {
            Objects.requireNonNull(key, "idempotencyKey");
            if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("idempotencyKey must be 1 to " + MAX_KEY_LENGTH
                        + " characters and not blank");
            }
            HeaderValues.check(IDEMPOTENCY_KEY_HEADER, key);
            this.idempotencyKey = key;
            return this;
        }

        /** The options. */
        public RequestOptions build() {
            return new RequestOptions(this);
        }

        private static void checkName(String name) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("header name must not be empty");
            }
            for (int i = 0; i < name.length(); i++) {
                if (!isTokenChar(name.charAt(i))) {
                    throw new IllegalArgumentException("header name must be an HTTP token (letters, digits, "
                            + "!#$%&'*+-.^_`|~): " + printable(name));
                }
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESERVED.contains(lower) || lower.startsWith(SCOPE_PREFIX)) {
                throw new IllegalArgumentException("header " + name + " is set by the SDK and cannot be given "
                        + "per call (reserved: " + RESERVED_DESCRIPTION + ")");
            }
        }

        private static boolean isTokenChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }

        private static String printable(String name) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < name.length() && i < 64; i++) {
                char c = name.charAt(i);
                out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
            return out.toString();
        }
    }
}
