package io.agentfactory.sdk.reactor.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server on loopback (Reactor Netty) that records every request exactly as it
 * arrived and answers with programmable {@link Reply replies}. One instance per test class is
 * typical; {@link #reset()} between tests.
 *
 * <p>A request is recorded before its reply is written, so once a client call has completed its
 * request is in {@link #requests()}.
 */
public final class RecordingServer implements AutoCloseable {

    private final DisposableServer server;
    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Function<RecordedRequest, Reply>> handler = new AtomicReference<>();
    private final AtomicInteger served = new AtomicInteger();

    private RecordingServer() {
        reset();
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(this::handle)
                .bindNow(Duration.ofSeconds(10));
    }

    /** Starts a server on a free loopback port. */
    public static RecordingServer start() {
        return new RecordingServer();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** Answers every request with {@code reply}. */
    public RecordingServer replyWith(Reply reply) {
        handler.set(request -> reply);
        return this;
    }

    /** Answers each request with the reply {@code fn} picks for it. */
    public RecordingServer replyWith(Function<RecordedRequest, Reply> fn) {
        handler.set(fn);
        return this;
    }

    /** Answers the next requests with these replies in order; the last one repeats. */
    public RecordingServer replySequence(Reply... replies) {
        AtomicInteger next = new AtomicInteger();
        handler.set(request -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
        return this;
    }

    /** Forgets recorded requests; answers 200 {@code {}} until told otherwise. */
    public void reset() {
        requests.clear();
        served.set(0);
        handler.set(request -> Reply.json("{}"));
    }

    /** The requests received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    /** The only request received; fails when there were none or several. */
    public RecordedRequest onlyRequest() {
        List<RecordedRequest> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    /** How many requests arrived. */
    public int requestCount() {
        return requests.size();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
            RecordedRequest recorded = RecordedRequest.of(request.method().name(), request.uri(),
                    request.requestHeaders(), body);
            requests.add(recorded);
            served.incrementAndGet();
            Reply reply = handler.get().apply(recorded);
            return Mono.from(write(reply, request, response));
        });
    }

    private static org.reactivestreams.Publisher<Void> write(Reply reply, HttpServerRequest request,
            HttpServerResponse response) {
        if (reply.custom != null) {
            return reply.custom.apply(request, response);
        }
        response.status(HttpResponseStatus.valueOf(reply.status));
        reply.headers.forEach(response::header);
        if (reply.chunks.isEmpty()) {
            return response.send();
        }
        if (reply.chunks.size() == 1 && reply.chunkDelay.isZero()) {
            return response.sendByteArray(Mono.just(reply.chunks.get(0)));
        }
        Flux<byte[]> parts = Flux.fromIterable(reply.chunks);
        if (!reply.chunkDelay.isZero()) {
            parts = parts.delayElements(reply.chunkDelay);
        }
        return response.send(parts.map(Unpooled::wrappedBuffer), b -> true);
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
    }
}
