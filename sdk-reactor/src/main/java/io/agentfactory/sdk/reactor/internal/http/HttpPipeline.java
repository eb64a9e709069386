package io.agentfactory.sdk.reactor.internal.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.WriteTimeoutException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;

/**
 * The one HTTP pipeline every route of both clients goes through: build the request (base URL,
 * escaped path and query, headers from the client's {@link HeaderPolicy}, JSON body), send it,
 * map the status (CONTRACT.md §2), decode the body, retry idempotent requests per the
 * {@link RetryPolicy}, and log method, path template, status and duration at DEBUG (never a
 * header value). Not API.
 */
public final class HttpPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("io.agentfactory.sdk.reactor.http");

    /** How much of a 2xx body that is not JSON is read, and shown, in its decode error. */
    private static final int PREVIEW_BYTES = 1024;
    private static final int PREVIEW_CHARS = 160;

    private final HttpClient http;
    private final String baseUrl;
    private final HeaderPolicy headerPolicy;
    private final RetryPolicy retryPolicy;
    private final int maxResponseBytes;
    private final int maxErrorBodyBytes;
    private final UnaryOperator<String> redactor;
    private final Clock clock;
    private final @Nullable ConnectionProvider ownedProvider;
    private final JsonContentTypes jsonTypes;
    private final Duration sendStall;
    private final CloseSignal closing = new CloseSignal();

    private HttpPipeline(HttpClient http, String baseUrl, HeaderPolicy headerPolicy, TransportOptions options,
            UnaryOperator<String> redactor, Clock clock, @Nullable ConnectionProvider ownedProvider,
            JsonContentTypes jsonTypes) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.headerPolicy = headerPolicy;
        this.retryPolicy = options.retryPolicy();
        this.maxResponseBytes = options.maxResponseBytes();
        this.maxErrorBodyBytes = options.maxErrorBodyBytes();
        this.redactor = redactor;
        this.clock = clock;
        this.ownedProvider = ownedProvider;
        this.jsonTypes = jsonTypes;
        this.sendStall = options.responseTimeout();
    }

    /**
     * A pipeline to {@code baseUrl}.
     *
     * @param baseUrl an absolute http(s) URL; a trailing {@code /} is dropped
     * @param options timeouts, pool, retries, limits
     * @param headerPolicy the service's headers
     * @param redactor removes the service's secrets from server-supplied text
     * @param poolName the name of the connection pool the pipeline creates when none is supplied
     * @throws IllegalArgumentException when the base URL is not an absolute http(s) URL
     */
    public static HttpPipeline create(String baseUrl, TransportOptions options, HeaderPolicy headerPolicy,
            UnaryOperator<String> redactor, String poolName) {
        return create(baseUrl, options, headerPolicy, redactor, poolName, JsonContentTypes.STRICT);
    }

    /**
     * A pipeline as {@link #create(String, TransportOptions, HeaderPolicy, UnaryOperator, String)}
     * whose 2xx JSON bodies may carry any of {@code jsonTypes}.
     */
    public static HttpPipeline create(String baseUrl, TransportOptions options, HeaderPolicy headerPolicy,
            UnaryOperator<String> redactor, String poolName, JsonContentTypes jsonTypes) {
        String base = checkBaseUrl(baseUrl);
        ConnectionProvider owned = null;
        HttpClient client;
        if (options.httpClient() != null) {
            client = options.httpClient();
        }
        else if (options.connectionProvider() != null) {
            client = HttpClient.create(options.connectionProvider());
        }
        else {
            owned = ConnectionProvider.builder(poolName)
                    .maxConnections(options.maxConnections())
                    .pendingAcquireMaxCount(options.pendingAcquireMaxCount())
                    .pendingAcquireTimeout(options.pendingAcquireTimeout())
                    .maxIdleTime(options.maxIdleTime())
                    .build();
            client = HttpClient.create(owned);
        }
        String userAgent = options.userAgent();
        client = client
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        options.connectTimeout().toMillis()))
                .responseTimeout(options.responseTimeout())
                .followRedirect(false)
                .headers(h -> h.set(HttpHeaderNames.USER_AGENT, userAgent));
        client = TransportGuards.install(client, options);
        return new HttpPipeline(client, base, headerPolicy, options, redactor, Clock.systemUTC(), owned, jsonTypes);
    }

    /** The base URL, without trailing {@code /}. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Sends the route and decodes its 2xx JSON body (read up to the size limit).
     *
     * @param route builds the route; a failure to build (bad argument) is signalled, nothing is sent
     */
    public <T> Mono<T> exchange(Supplier<Route> route, ResponseDecoder<T> decoder) {
        return Mono.defer(() -> {
            Route r = route.get();
            return closing.guard(r, retrying(r, send(r, (response, body) -> readJson(r, response, body, decoder)),
                    () -> true)).single();
        });
    }

    /** Sends the route and streams the elements of its 2xx JSON array body ({@code null} = none). */
    public <T> Flux<T> exchangeList(Supplier<Route> route, Class<T> element) {
        return exchange(route, ResponseDecoder.list(element)).flatMapIterable(list -> list);
    }

    /**
     * Sends the route and streams its 2xx body through {@code handler}. Failures before the first
     * element follow the retry policy; once an element was emitted a failure ends the stream, so
     * nothing is ever emitted twice.
     */
    public <T> Flux<T> stream(Supplier<Route> route,
            BiFunction<HttpClientResponse, ByteBufFlux, Publisher<T>> handler) {
        return Flux.defer(() -> {
            Route r = route.get();
            AtomicBoolean emitted = new AtomicBoolean();
            return closing.guard(r, retrying(r, send(r, handler).doOnNext(x -> emitted.lazySet(true)),
                    () -> !emitted.get()));
        });
    }

    private <T> Flux<T> send(Route route, BiFunction<HttpClientResponse, ByteBufFlux, Publisher<T>> onSuccess) {
        return Flux.defer(() -> {
            long start = System.nanoTime();
            byte[] body = route.body();
            return http.request(HttpMethod.valueOf(route.method()))
                    // A URI, not a string: Reactor Netty parses ports of one digit in strings as part of the host.
                    .uri(URI.create(baseUrl + route.pathAndQuery()))
                    .send((request, outbound) -> {
                        HttpHeaders headers = request.requestHeaders();
                        headers.set(HttpHeaderNames.ACCEPT, route.accept());
                        headerPolicy.apply(route, headers);
                        if (body == null) {
                            return outbound;
                        }
                        headers.set(HttpHeaderNames.CONTENT_TYPE, Route.JSON);
                        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                        return TransportGuards.sendBody(outbound, body, sendStall);
                    })
                    .response((response, content) -> {
                        int status = response.status().code();
                        if (log.isDebugEnabled()) {
                            log.debug("{} {} -> {} ({} ms to headers)", route.method(), route.template(), status,
                                    (System.nanoTime() - start) / 1_000_000);
                        }
                        if (status >= 200 && status < 300) {
                            return onSuccess.apply(response, content);
                        }
                        return readError(route, response, content);
                    })
                    .onErrorMap(e -> !(e instanceof AgentFactoryException), e -> transportError(route, e));
        });
    }

    private <T> Mono<T> readJson(Route route, HttpClientResponse response, ByteBufFlux content,
            ResponseDecoder<T> decoder) {
        String type = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE);
        if (type != null && !jsonTypes.accepts(type)) {
            return notJson(route, response.status().code(), type, content);
        }
        return readBounded(route, content).handle((buffer, sink) -> {
            if (buffer.length() == 0) {
                sink.error(new ResponseDecodeException(route.method(), route.path(),
                        "empty body where JSON was expected (HTTP " + response.status().code() + ")", null));
                return;
            }
            try {
                sink.next(decoder.decode(buffer.array(), buffer.length()));
            }
            catch (RuntimeException e) {
                sink.error(new ResponseDecodeException(route.method(), route.path(),
                        "body is not valid JSON for the expected type: " + describeSafely(e),
                        withoutSecrets(e)));
            }
        });
    }

    /**
     * The decode error of a 2xx body that is not JSON (a login page, say): its status and a short
     * preview of the body, so the caller sees what answered.
     */
    private <T> Mono<T> notJson(Route route, int status, String type, ByteBufFlux content) {
        BodyBuffer preview = new BodyBuffer(PREVIEW_BYTES);
        return readPrefix(content, preview).then(Mono.error(() -> {
            String text = ServerText.preview(preview.array(), preview.length(), preview.truncated(), PREVIEW_CHARS,
                    redactor);
            return new ResponseDecodeException(route.method(), route.path(), "expected a JSON body, got content type '"
                    + fromServer(type) + "' (HTTP " + status + ")" + (text.isEmpty() ? ", empty body" : ": " + text),
                    null);
        }));
    }

    /** Reads the body into one buffer, failing as soon as it exceeds the response size limit. */
    private Mono<BodyBuffer> readBounded(Route route, ByteBufFlux content) {
        return Mono.defer(() -> {
            // Stop reading once past the limit: a body that goes on (or stalls) beyond it must fail
            // now, not after the whole body or a read timeout.
            BodyBuffer body = new BodyBuffer(maxResponseBytes + 1);
            return content.doOnNext(body::append)
                    .takeUntil(chunk -> body.full())
                    .then(Mono.just(body));
        }).handle((buffer, sink) -> {
            if (buffer.length() > maxResponseBytes) {
                sink.error(new ResponseDecodeException(route.method(), route.path(),
                        "body exceeds the limit of " + maxResponseBytes + " bytes", null));
            }
            else {
                sink.next(buffer);
            }
        });
    }

    private <T> Mono<T> readError(Route route, HttpClientResponse response, ByteBufFlux content) {
        String retryAfter = response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER);
        int status = response.status().code();
        BodyBuffer buffer = new BodyBuffer(maxErrorBodyBytes);
        return readPrefix(content, buffer).then(Mono.error(() -> StatusErrors.toException(route.method(),
                route.path(), status, retryAfter, buffer.array(), buffer.length(), buffer.truncated(), redactor,
                clock)));
    }

    /** Reads the body into {@code buffer} up to its limit; a transport failure just ends what there is. */
    private static Mono<Void> readPrefix(ByteBufFlux content, BodyBuffer buffer) {
        return content.doOnNext(buffer::append)
                .takeUntil(chunk -> buffer.full())
                .then()
                .onErrorResume(e -> Mono.empty());
    }

    private <T> Flux<T> retrying(Route route, Flux<T> attempt, Supplier<Boolean> mayRetry) {
        if (!route.idempotent() || retryPolicy.maxAttempts() <= 1) {
            return attempt;
        }
        return attempt.retryWhen(Retry.from(signals -> signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            long retry = signal.totalRetries() + 1;
            if (retry >= retryPolicy.maxAttempts() || !retryable(failure) || !mayRetry.get()) {
                return Mono.error(failure);
            }
            Duration delay = delay(failure, (int) retry);
            if (log.isDebugEnabled()) {
                log.debug("{} {} failed ({}); retry {} of {} in {} ms", route.method(), route.template(),
                        failure.getClass().getSimpleName(), retry, retryPolicy.maxAttempts() - 1, delay.toMillis());
            }
            return Mono.delay(delay);
        })));
    }

    private boolean retryable(Throwable failure) {
        if (!(failure instanceof AgentFactoryException e) || !e.isRetryable()) {
            return false;
        }
        return !(e instanceof RequestTimeoutException) || retryPolicy.retryOnTimeout();
    }

    private Duration delay(Throwable failure, int retry) {
        if (failure instanceof AgentFactoryException e && e.retryAfter().isPresent()) {
            Duration asked = e.retryAfter().get();
            return asked.compareTo(retryPolicy.retryAfterCap()) > 0 ? retryPolicy.retryAfterCap() : asked;
        }
        long base = retryPolicy.backoff(retry).toNanos();
        double jitter = retryPolicy.jitter();
        double factor = 1.0 - jitter + 2.0 * jitter * ThreadLocalRandom.current().nextDouble();
        long nanos = Math.min((long) (base * factor), retryPolicy.maxBackoff().toNanos());
        return Duration.ofNanos(Math.max(0, nanos));
    }

    private AgentFactoryException transportError(Route route, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WriteTimeoutException) {
                return new RequestTimeoutException(route.method(), route.path(),
                        "could not send the request in time (the peer stopped reading)", e);
            }
            if (t instanceof ReadTimeoutException || t instanceof SslHandshakeTimeoutException
                    || t instanceof ConnectTimeoutException
                    || t instanceof PoolAcquireTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return new RequestTimeoutException(route.method(), route.path(), "no answer in time ("
                        + t.getClass().getSimpleName() + ")", e);
            }
        }
        return new TransportException(route.method(), route.path(), describeSafely(e), withoutSecrets(e));
    }

    /**
     * {@code e}'s class and message with the service's secrets removed, then bounded: Jackson
     * quotes body values in its messages, and a server may echo the request's credentials.
     */
    private String describeSafely(Throwable e) {
        String message = e.getMessage();
        return fromServer(e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    /** Text that may come from the server, fit for a message: secrets removed, controls escaped, bounded. */
    private String fromServer(String text) {
        return bounded(ServerText.escapeControls(redactor.apply(text)));
    }

    /** {@code e} to keep as a cause, or {@code null} when a message in its chain holds a secret. */
    private @Nullable Throwable withoutSecrets(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !redactor.apply(message).equals(message)) {
                return null;
            }
        }
        return e;
    }

    private static String bounded(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /**
     * Checks and normalizes a base URL: an absolute http(s) URL with a host and without user info,
     * query or fragment; trailing {@code /} dropped.
     *
     * @throws IllegalArgumentException when it is not such a URL (the message never repeats it)
     */
    public static String checkBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("base URL is required");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("base URL is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https").contains(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("base URL must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("base URL must not carry user info, a query or a fragment");
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * Closes the pipeline: later calls fail at once, calls in flight are cut, both with
     * {@link io.agentfactory.sdk.error.ClientClosedException}; releases the connection pool the
     * pipeline created (never a caller's).
     */
    @Override
    public void close() {
        closing.close();
        if (ownedProvider != null) {
            ownedProvider.dispose();
        }
    }
}
