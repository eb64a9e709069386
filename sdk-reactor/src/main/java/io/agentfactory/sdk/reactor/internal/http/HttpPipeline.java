package io.agentfactory.sdk.reactor.internal.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
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
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.netty.resources.ConnectionProvider;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.ClientClosedException;
import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.reactor.RequestOptions;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.internal.http.observation.RequestObserver;
import io.agentfactory.sdk.reactor.internal.json.JsonWarmup;

/**
 * The one HTTP pipeline every route of both clients goes through: build the request (base URL,
 * escaped path and query, headers from the client's {@link HeaderPolicy}, JSON body), send it,
 * map the status (sdk-api/CONTRACT.md §2), decode the body, retry idempotent requests per the
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
    private final RequestObserver observer;
    private final RequestOptions requestOptions;
    private final JsonContentTypes jsonTypes;
    private final Duration sendStall;
    private final CloseSignal closing;
    private final RequestTarget target;
    private final RequestSenders senders;

    private HttpPipeline(HttpClient http, String baseUrl, HeaderPolicy headerPolicy, TransportOptions options,
            UnaryOperator<String> redactor, Clock clock, @Nullable ConnectionProvider ownedProvider,
            RequestObserver observer, JsonContentTypes jsonTypes, RequestTarget target) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.headerPolicy = headerPolicy;
        this.retryPolicy = options.retryPolicy();
        this.maxResponseBytes = options.maxResponseBytes();
        this.maxErrorBodyBytes = options.maxErrorBodyBytes();
        this.redactor = redactor;
        this.clock = clock;
        this.ownedProvider = ownedProvider;
        this.observer = observer;
        this.requestOptions = RequestOptions.none();
        this.jsonTypes = jsonTypes;
        this.sendStall = options.responseTimeout();
        this.closing = new CloseSignal();
        this.target = target;
        this.senders = new RequestSenders(http);
    }

    /** A view of {@code parent} sending with {@code options}; it owns nothing. */
    private HttpPipeline(HttpPipeline parent, RequestOptions options) {
        this(parent, parent.http, options, parent.senders);
    }

    /**
     * A view of {@code parent} sending through {@code http} with {@code options}; it owns nothing
     * and is closed with its parent.
     */
    private HttpPipeline(HttpPipeline parent, HttpClient http, RequestOptions options) {
        this(parent, http, options, new RequestSenders(http));
    }

    /** A view of {@code parent} sending through {@code http} (whose senders are {@code senders}) with {@code options}. */
    private HttpPipeline(HttpPipeline parent, HttpClient http, RequestOptions options, RequestSenders senders) {
        this.http = http;
        this.baseUrl = parent.baseUrl;
        this.headerPolicy = parent.headerPolicy;
        this.retryPolicy = options.retryPolicy().orElse(parent.retryPolicy);
        this.maxResponseBytes = parent.maxResponseBytes;
        this.maxErrorBodyBytes = parent.maxErrorBodyBytes;
        this.redactor = parent.redactor;
        this.clock = parent.clock;
        this.ownedProvider = null;
        this.observer = parent.observer;
        this.requestOptions = options;
        this.jsonTypes = parent.jsonTypes;
        this.sendStall = parent.sendStall;
        this.closing = parent.closing;
        this.target = parent.target;
        this.senders = senders;
    }

    /**
     * A pipeline to {@code baseUrl}.
     *
     * @param baseUrl an absolute http(s) URL; a trailing {@code /} is dropped
     * @param options timeouts, pool, retries, limits
     * @param headerPolicy the service's headers
     * @param redactor removes the service's secrets from server-supplied text
     * @param poolName the name of the connection pool the pipeline creates when none is supplied;
     *        without its {@code agentfactory-} prefix, the client's name in observations
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
        HttpClientSetup setup = HttpClientSetup.create(base, options, poolName);
        RequestObserver observer = RequestObserver.of(options, poolName.replaceFirst("^agentfactory-", ""));
        RequestTarget target = RequestTarget.of(base);
        return new HttpPipeline(target.applyTo(setup.client()), base, headerPolicy, options, redactor,
                Clock.systemUTC(), setup.ownedProvider(), observer, jsonTypes, target);
    }

    /**
     * A view of this pipeline that sends with {@code options} (deadline, retry policy, extra headers,
     * idempotency key). It shares this pipeline's client and pool; closing it releases nothing.
     */
    public HttpPipeline withOptions(RequestOptions options) {
        return new HttpPipeline(this, options);
    }

    /**
     * {@code elements}, observed as one stream named {@code stream} reading {@code template}: its
     * requests are children of the stream's observation.
     */
    public <T> Flux<T> observedStream(String stream, String template, Flux<T> elements) {
        return observer.stream(stream, template, elements);
    }

    /**
     * A pipeline like this one whose requests wait up to {@code timeout} for each read of their
     * answer instead of the configured response timeout; it shares this pipeline's connections and
     * releases nothing on close. For the few routes that legitimately outlive an ordinary call.
     */
    public HttpPipeline withResponseTimeout(Duration timeout) {
        return new HttpPipeline(this, http.responseTimeout(timeout), requestOptions);
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
            AtomicInteger attempts = new AtomicInteger();
            Mono<T> call = closing.guard(r, withinDeadline(r, retrying(r, send(r, attempts,
                    (response, body) -> readJson(r, response, body, decoder)), () -> true)))
                    .single();
            return decoder.prepared() ? call : prepare(decoder).then(call);
        });
    }

    /**
     * Builds the decoder's reader on {@code boundedElastic()} before the first request of its type,
     * so that no event loop builds deserializers (or waits on Jackson's lock for another that does).
     * A failure to build is left to the decode, which reports it typed.
     */
    private static Mono<Void> prepare(ResponseDecoder<?> decoder) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                decoder.prepare();
            }
            catch (RuntimeException left) {
                // The decode builds it again and turns the failure into a ResponseDecodeException.
            }
        }).subscribeOn(Schedulers.boundedElastic());
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
            AtomicInteger attempts = new AtomicInteger();
            return closing.guard(r, withinDeadline(r, retrying(r, TransportGuards.readAtSubscribersPace(
                    send(r, attempts, handler)).doOnNext(x -> emitted.lazySet(true)), () -> !emitted.get())));
        });
    }

    private <T> Flux<T> send(Route route, AtomicInteger attempts,
            BiFunction<HttpClientResponse, ByteBufFlux, Publisher<T>> onSuccess) {
        return Flux.deferContextual(context -> {
            long start = System.nanoTime();
            byte[] body = route.body();
            RequestObserver.Attempt observed = observer.start(route, attempts.incrementAndGet(), context);
            RequestSenders.RequestWriter writer = (request, outbound) -> {
                HttpHeaders headers = request.requestHeaders();
                headers.set(HttpHeaderNames.ACCEPT, route.accept());
                PerCallOptions.apply(requestOptions, route, headers);
                observed.propagate(headers);
                headerPolicy.apply(route, headers);
                if (body == null) {
                    return outbound;
                }
                headers.set(HttpHeaderNames.CONTENT_TYPE, Route.JSON);
                headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                return TransportGuards.sendBody(outbound, body, sendStall);
            };
            // Only the path: the client already holds the remote address (RequestTarget).
            Flux<T> exchange = RequestSenders.writing(senders.to(route.method(), target.uriOf(route))
                    .response((response, content) -> {
                        int status = response.status().code();
                        observed.response(response);
                        if (log.isDebugEnabled()) {
                            log.debug("{} {} -> {} ({} ms to headers)", route.method(), route.template(), status,
                                    (System.nanoTime() - start) / 1_000_000);
                        }
                        if (status >= 200 && status < 300) {
                            return onSuccess.apply(response, content);
                        }
                        return readError(route, response, content);
                    }), writer)
                    .onErrorMap(e -> !(e instanceof AgentFactoryException), e -> transportError(route, e));
            if (observed == RequestObserver.Attempt.NONE) {
                // Nothing observes: three operators fewer per attempt.
                return exchange;
            }
            return exchange.doOnComplete(observed::success)
                    .doOnError(observed::failure)
                    .doOnCancel(observed::cancel);
        });
    }

    /** {@code call}, bounded as a whole by the deadline of the request options, if any. */
    private <T> Flux<T> withinDeadline(Route route, Flux<T> call) {
        return requestOptions.deadline()
                .map(deadline -> CallDeadline.bound(call, deadline, route.method(), route.path()))
                .orElse(call);
    }

    private <T> Mono<T> readJson(Route route, HttpClientResponse response, ByteBufFlux content,
            ResponseDecoder<T> decoder) {
        String type = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE);
        if (type != null && !jsonTypes.accepts(type)) {
            return notJson(route, response.status().code(), type, content);
        }
        // Decoded from the received buffers themselves (no copy into an array); each is released
        // once, after the decode, on error or on a cancel from any thread.
        return RetainedBody.decode(content, new RetainedBody.Reading<>() {
            @Override
            public long limit() {
                return maxResponseBytes;
            }

            @Override
            public T decode(ByteBuf body) {
                try {
                    return decoder.decode(body);
                }
                catch (RuntimeException e) {
                    throw new ResponseDecodeException(route.method(), route.path(),
                            "body is not valid JSON for the expected type: " + describeSafely(e), withoutSecrets(e));
                }
            }

            @Override
            public RuntimeException tooLarge() {
                return new ResponseDecodeException(route.method(), route.path(),
                        "body exceeds the limit of " + maxResponseBytes + " bytes", null);
            }

            @Override
            public RuntimeException empty() {
                return new ResponseDecodeException(route.method(), route.path(),
                        "empty body where JSON was expected (HTTP " + response.status().code() + ")", null);
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

    /**
     * {@code attempt}, sent again per the retry policy when it fails retryably. Nothing is built
     * for a retry until an attempt has failed: a call that succeeds costs one {@code onErrorResume}.
     */
    private <T> Flux<T> retrying(Route route, Flux<T> attempt, Supplier<Boolean> mayRetry) {
        if (!PerCallOptions.retryable(requestOptions, route) || retryPolicy.maxAttempts() <= 1) {
            return attempt;
        }
        // Called at subscription: the deadline runs from here, as CallDeadline's does.
        long deadline = requestOptions.deadline().map(d -> System.nanoTime() + d.toNanos()).orElse(0L);
        return attempt.onErrorResume(failure -> retryAfter(route, attempt, mayRetry, deadline, failure, 1));
    }

    /** Retry number {@code retry} of {@code attempt} after {@code failure}, or {@code failure} when none is allowed. */
    private <T> Flux<T> retryAfter(Route route, Flux<T> attempt, Supplier<Boolean> mayRetry, long deadline,
            Throwable failure, int retry) {
        if (retry >= retryPolicy.maxAttempts() || !retryable(failure) || !mayRetry.get()) {
            return Flux.error(failure);
        }
        Duration delay = delay(failure, retry);
        if (deadline != 0L && System.nanoTime() + delay.toNanos() - deadline >= 0) {
            // The retry could not start before the deadline: fail now, with what the server said.
            return Flux.error(failure);
        }
        if (log.isDebugEnabled()) {
            log.debug("{} {} failed ({}); retry {} of {} in {} ms", route.method(), route.template(),
                    failure.getClass().getSimpleName(), retry, retryPolicy.maxAttempts() - 1, delay.toMillis());
        }
        boolean serverAsked = failure instanceof AgentFactoryException e && e.retryAfter().isPresent();
        return observer.retryWait(route, retry + 1, delay, serverAsked, failure, Mono.delay(delay))
                .thenMany(attempt.onErrorResume(next -> retryAfter(route, attempt, mayRetry, deadline, next,
                        retry + 1)));
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

    // ---- warm-up ----

    /**
     * Prepares the pipeline for a fast first call: Reactor Netty's {@link HttpClient#warmup()}
     * (event loops, host name resolver, native transport), the JSON readers of {@code types}
     * ({@link JsonWarmup}) and the HTTP codec and buffer allocator ({@link CodecWarmup}), side by
     * side on {@link Schedulers#boundedElastic()} (all load classes from jars); then, when
     * {@code connectionPath} is given, one connection opened ahead ({@link #openConnection(String)}).
     * Fails with {@link io.agentfactory.sdk.error.ClientClosedException} once the pipeline is closed.
     *
     * @param types the records the client's common routes answer
     * @param connectionPath the path to open a connection on, or {@code null} to contact nobody
     */
    public Mono<Void> warmup(List<Class<?>> types, @Nullable String connectionPath) {
        Mono<Void> local = Mono.defer(() -> closing.closed()
                ? Mono.error(new ClientClosedException(null, null))
                : Mono.when(http.warmup().subscribeOn(Schedulers.boundedElastic()),
                        Mono.fromRunnable(() -> JsonWarmup.prepare(types)).subscribeOn(Schedulers.boundedElastic()),
                        Mono.fromRunnable(CodecWarmup::run).subscribeOn(Schedulers.boundedElastic())));
        return connectionPath == null ? local : local.then(openConnection(connectionPath));
    }

    /**
     * Opens a connection ahead and leaves it idle in the pool: one {@code OPTIONS} request on
     * {@code path} without credentials (no header policy; an {@code Authorization} or
     * {@code X-Rensei-*} default of a caller's client is removed), whose answer of any status is
     * read, at most {@code maxErrorBodyBytes} of it, and dropped (a longer answer, or a cancel,
     * closes the connection instead). What a cheap request is for: it works through proxies and
     * TLS, which a bare socket would not. A failure to connect or answer is typed as a call's
     * ({@link TransportException}, {@link RequestTimeoutException}).
     */
    private Mono<Void> openConnection(String path) {
        Route route = new Route("OPTIONS", path, path, "", null, "*/*", true);
        Flux<Void> exchange = http.request(HttpMethod.OPTIONS)
                .uri(target.uriOf(route))
                .send((request, outbound) -> {
                    HttpHeaders headers = request.requestHeaders();
                    headers.set(HttpHeaderNames.ACCEPT, route.accept());
                    headers.remove(HttpHeaderNames.AUTHORIZATION);
                    headers.names().stream().filter(name -> name.regionMatches(true, 0, "X-Rensei-", 0, 9)).toList()
                            .forEach(headers::remove);
                    return outbound;
                })
                .responseConnection((response, connection) -> {
                    long[] seen = {0};
                    return connection.inbound().receive()
                            .takeUntil(chunk -> (seen[0] += chunk.readableBytes()) > maxErrorBodyBytes)
                            .then(Mono.defer(() -> {
                                if (seen[0] > maxErrorBodyBytes) {
                                    connection.dispose();
                                    return Mono.empty();
                                }
                                return afterThisTask(connection.channel().eventLoop());
                            }))
                            // Cancelled mid-answer: the connection cannot be reused, close it.
                            .doOnCancel(connection::dispose);
                })
                .onErrorMap(e -> !(e instanceof AgentFactoryException), e -> transportError(route, e));
        return closing.guard(route, exchange).then();
    }

    /**
     * Completes once the task {@code loop} runs now has finished: an answer's body ends before
     * Reactor Netty, in the same task, puts its connection back in the pool, so a warm-up that
     * completed at once would let a call made right after it race the release and open a second
     * connection.
     */
    private static Mono<Void> afterThisTask(EventLoop loop) {
        return Mono.create(sink -> loop.execute(sink::success));
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
