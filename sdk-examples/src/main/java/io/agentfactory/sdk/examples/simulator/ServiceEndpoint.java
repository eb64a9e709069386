package io.agentfactory.sdk.examples.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * One simulated service on a loopback port: every request goes through the same steps — count it,
 * delay it ({@link FaultKnobs#latency}), let the service's {@link Guard} refuse it (daemon still
 * starting, missing token), inject the configured faults, then route it — and its answer is
 * written without blocking, streams with backpressure.
 */
final class ServiceEndpoint {

    /** A service-wide check run before faults and routing; {@code null} lets the request through. */
    interface Guard {
        @Nullable Reply check(Exchange exchange);
    }

    private static final Logger log = LoggerFactory.getLogger(ServiceEndpoint.class);
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final String name;
    private final Router router;
    private final RequestCounters counters;
    private final FaultKnobs faults;
    private final Guard guard;
    private final DisposableServer server;

    ServiceEndpoint(String name, Router router, RequestCounters counters, FaultKnobs faults, Guard guard,
            LoopResources loops) {
        this.name = name;
        this.router = router;
        this.counters = counters;
        this.faults = faults;
        this.guard = guard;
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .runOn(loops)
                // The simulator's buffers come from its own pooled allocator, never the client's under
                // test: Netty 4.2's default adaptive allocator parks on a lock when two event loops
                // contend for it, which BlockHound reports (netty/netty#14564).
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .handle(this::handle)
                .bindNow(Duration.ofSeconds(10));
    }

    /** {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Stops accepting and closes the server. */
    Mono<Void> disposeLater() {
        return Mono.fromRunnable(server::dispose).then(server.onDispose());
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String rawPath = query < 0 ? uri : uri.substring(0, query);
        String method = request.method().name();
        Router.Match match = router.match(method, rawPath);
        counters.record(match.counterKey(), request.requestHeaders().names());
        long declaredLength = request.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        if (declaredLength > MAX_BODY_BYTES) {
            return write(Reply.text(413, "request body too large"), response);
        }
        Map<String, List<String>> parameters = new QueryStringDecoder(uri).parameters();
        return request.receive().aggregate().asByteArray()
                .defaultIfEmpty(new byte[0])
                .map(body -> new Exchange(method, rawPath, match.params(), parameters, request.requestHeaders(), body))
                .flatMap(exchange -> delayed(Mono.defer(() -> answer(match, exchange))))
                .onErrorResume(failure -> Mono.just(failed(method, rawPath, failure)))
                .flatMap(reply -> write(reply, response));
    }

    private Mono<Reply> delayed(Mono<Reply> reply) {
        Duration latency = faults.latency();
        return latency.isZero() ? reply : Mono.delay(latency).then(reply);
    }

    private Mono<Reply> answer(Router.Match match, Exchange exchange) {
        Reply refused = guard.check(exchange);
        if (refused != null) {
            return Mono.just(refused);
        }
        RetryAfter rateLimited = faults.takeRateLimited();
        if (rateLimited != null) {
            return Mono.just(Reply.error(429, "rate limited").withRetryAfter(rateLimited));
        }
        RetryAfter unavailable = faults.takeUnavailable();
        if (unavailable != null) {
            return Mono.just(Reply.error(503, "service unavailable").withRetryAfter(unavailable));
        }
        if (faults.drawInternalError()) {
            return Mono.just(Reply.error(500, "simulated internal error"));
        }
        Router.Route route = match.route();
        if (route == null) {
            return Mono.just(unmatched(match));
        }
        return Mono.defer(() -> route.handler().apply(exchange))
                .onErrorResume(Rejection.class, rejection -> Mono.just(rejection.reply()));
    }

    // Go's net/http answers these in plain text, and so do the real services.
    private static Reply unmatched(Router.Match match) {
        return switch (match.status()) {
            case 405 -> Reply.text(405, "method not allowed").withHeader("Allow", String.join(", ", match.allowed()));
            case 400 -> Reply.text(400, "malformed path");
            default -> Reply.text(404, "404 page not found");
        };
    }

    private Reply failed(String method, String path, Throwable failure) {
        if (failure instanceof Rejection rejection) {
            return rejection.reply();
        }
        log.error("{} simulator failed on {} {}", name, method, path, failure);
        return Reply.error(500, "simulator failure: " + failure.getClass().getSimpleName());
    }

    private Mono<Void> write(Reply reply, HttpServerResponse response) {
        response.status(reply.status());
        reply.headers().forEach(response::header);
        if (faults.closeConnections()) {
            response.keepAlive(false);
        }
        if (reply.stream() != null) {
            return response.send(reply.stream().map(Unpooled::wrappedBuffer), chunk -> true).then();
        }
        response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(reply.body().length));
        return response.sendByteArray(Mono.just(reply.body())).then();
    }

    /** Whether {@code headers} carry {@code Authorization: Bearer <token>} (compared in constant time). */
    static boolean hasBearer(HttpHeaders headers, String token) {
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
