package io.agentfactory.sdk.examples.bench;

import java.nio.file.Path;
import java.time.Duration;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * The loopback server the clients are measured against: fixed bodies recorded once from the
 * simulator, answered with as little work as a server can do, on the server's own event loop (its
 * thread names start with {@value #THREAD_PREFIX}, so {@link ThreadCosts} can report its cost
 * apart from the client's).
 *
 * <ul>
 * <li>{@code GET /api/public/sessions}: the 12-session list, {@code application/json};</li>
 * <li>{@code GET /api/daemon/workareas/<a>/diff/}{@value #SMALL_DIFF}: the small diff envelope,
 *     {@code application/json};</li>
 * <li>{@code GET /api/daemon/workareas/<a>/diff/}{@value #LARGE_DIFF}: the NDJSON diff file,
 *     {@code application/x-ndjson}, sent with {@code sendfile} (zero copy, like a static nginx).</li>
 * </ul>
 */
final class BenchServer implements AutoCloseable {

    /** The prefix of the server's event-loop thread names. */
    static final String THREAD_PREFIX = "bench-server";
    /** The archive id whose diff is the small JSON envelope. */
    static final String SMALL_DIFF = "small";
    /** The archive id whose diff is the large NDJSON file. */
    static final String LARGE_DIFF = "large";

    static final String SESSIONS_PATH = "/api/public/sessions";
    static final String SMALL_DIFF_PATH = "/api/daemon/workareas/bench-a/diff/" + SMALL_DIFF;

    private static final String DIFF_PREFIX = "/api/daemon/workareas/";

    private final RecordedBodies bodies;
    private final LoopResources loops;
    private final DisposableServer server;

    private BenchServer(RecordedBodies bodies, int threads) {
        this.bodies = bodies;
        this.loops = LoopResources.create(THREAD_PREFIX, 1, threads, true);
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .runOn(loops)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .handle(this::answer)
                .bindNow(Duration.ofSeconds(10));
    }

    /** Binds a server for {@code bodies} on {@code threads} event-loop threads of its own. */
    static BenchServer start(RecordedBodies bodies, int threads) {
        return new BenchServer(bodies, threads);
    }

    /** {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (path.equals(SESSIONS_PATH)) {
            return json(response, bodies.sessions());
        }
        if (path.startsWith(DIFF_PREFIX) && path.endsWith("/diff/" + SMALL_DIFF)) {
            return json(response, bodies.smallDiff());
        }
        if (path.startsWith(DIFF_PREFIX) && path.endsWith("/diff/" + LARGE_DIFF)) {
            Path file = bodies.largeDiff();
            return response.header(HttpHeaderNames.CONTENT_TYPE, "application/x-ndjson")
                    .header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(bodies.largeDiffBytes()))
                    .sendFile(file)
                    .then();
        }
        return response.status(HttpResponseStatus.NOT_FOUND).send();
    }

    private static Mono<Void> json(HttpServerResponse response, byte[] body) {
        return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                .sendByteArray(Mono.just(body))
                .then();
    }

    /** Closes the server and its event loop; blocks until both are gone. */
    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }
}
