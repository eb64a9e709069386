package io.agentfactory.sdk.reactor.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.NettyInbound;
import reactor.netty.NettyOutbound;
import reactor.netty.tcp.TcpServer;

/**
 * A loopback HTTP/1.1 server that misbehaves on purpose. Requests are parsed properly (Netty's
 * request decoder, inbound only); answers are raw bytes, scripted per request by a {@link Fault}:
 * well-formed answers, truncated bodies, stalls, FIN or RST at any byte. It counts TCP
 * connections, so a test can prove that a client never even connected.
 *
 * <p>Each request is recorded (unless the server was started {@link #startUnrecorded() unrecorded}
 * for soak runs) before its script plays, so once a client call ended its request is in
 * {@link #requests()}.
 */
public final class FaultServer implements AutoCloseable {

    /**
     * One request as it arrived.
     *
     * @param sequence 1-based position among all requests the server received
     * @param connection 1-based number of the TCP connection it came on
     * @param onConnection 1-based position on that connection (2 and up: a reused keep-alive connection)
     * @param method the HTTP method
     * @param uri the raw request target (path and query as sent)
     * @param headers every header, in arrival order
     * @param arrivedNanos when it was read, on the {@link System#nanoTime()} scale
     */
    public record Request(int sequence, int connection, int onConnection, String method, String uri,
            List<Map.Entry<String, String>> headers, long arrivedNanos) {

        /** The first value of a header (case-insensitive name), or {@code null}. */
        public String header(String name) {
            for (Map.Entry<String, String> e : headers) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    private static final Request NOT_HTTP = new Request(0, 0, 0, "", "", List.of(), 0);

    private static final Fault NOT_HTTP_ANSWER = Fault.head(400, "Content-Length: 0", "Connection: close").thenClose();

    private final boolean recording;
    private final DisposableServer server;
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Function<Request, Fault>> script = new AtomicReference<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();

    private FaultServer(boolean recording) {
        this.recording = recording;
        reset();
        this.server = TcpServer.create()
                .host("127.0.0.1")
                .port(0)
                .doOnConnection(c -> c.addHandlerLast(new HttpRequestDecoder())
                        .addHandlerLast(new HttpObjectAggregator(1 << 20)))
                .handle(this::serve)
                .bindNow(Duration.ofSeconds(10));
    }

    /** A server on a free loopback port that records every request. */
    public static FaultServer start() {
        return new FaultServer(true);
    }

    /** A server that only counts requests (soak runs: records would weigh on the heap being measured). */
    public static FaultServer startUnrecorded() {
        return new FaultServer(false);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** Plays {@code fault} for every request. */
    public FaultServer answer(Fault fault) {
        script.set(request -> fault);
        return this;
    }

    /** Plays the fault {@code choice} picks for each request. */
    public FaultServer answer(Function<Request, Fault> choice) {
        script.set(choice);
        return this;
    }

    /** Plays these faults for the next requests in order; the last one repeats. */
    public FaultServer answerInTurn(Fault... faults) {
        AtomicInteger next = new AtomicInteger();
        script.set(request -> faults[Math.min(next.getAndIncrement(), faults.length - 1)]);
        return this;
    }

    /** Forgets requests and connections; answers 200 {@code {}} until told otherwise. */
    public void reset() {
        requests.clear();
        connections.set(0);
        received.set(0);
        script.set(request -> Fault.json("{}"));
    }

    /** The recorded requests, in arrival order. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** How many requests arrived. */
    public int requestCount() {
        return received.get();
    }

    /** How many TCP connections were accepted. */
    public int connectionCount() {
        return connections.get();
    }

    private Mono<Void> serve(NettyInbound in, NettyOutbound out) {
        int connection = connections.incrementAndGet();
        AtomicInteger onConnection = new AtomicInteger();
        AtomicReference<Connection> conn = new AtomicReference<>();
        in.withConnection(conn::set);
        return in.receiveObject()
                .ofType(FullHttpRequest.class)
                // Read what is needed now: the message is released once onNext returns. Bytes that
                // are not HTTP (a TLS hello, say) are no request: answered 400 and closed, as servers do.
                .map(message -> message.decoderResult().isSuccess()
                        ? record(message, connection, onConnection.incrementAndGet())
                        : NOT_HTTP)
                .concatMap(request -> request == NOT_HTTP
                        ? play(NOT_HTTP_ANSWER, conn.get(), out)
                        : play(script.get().apply(request), conn.get(), out), 1)
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    private Request record(FullHttpRequest message, int connection, int onConnection) {
        Request request = new Request(received.incrementAndGet(), connection, onConnection, message.method().name(),
                message.uri(), List.copyOf(message.headers().entries()), System.nanoTime());
        if (recording) {
            requests.add(request);
        }
        return request;
    }

    private static Mono<Void> play(Fault fault, Connection connection, NettyOutbound out) {
        return Flux.fromIterable(fault.steps())
                .concatMap(step -> perform(step, connection, out), 1)
                .then();
    }

    private static Mono<Void> perform(Fault.Step step, Connection connection, NettyOutbound out) {
        Channel channel = connection.channel();
        if (step instanceof Fault.Write w) {
            return out.sendObject(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(w.bytes()))).then();
        }
        if (step instanceof Fault.Chunks c) {
            return out.send(Flux.from(c.body().get()).map(data -> Unpooled.wrappedBuffer(Fault.chunk(data)))).then();
        }
        if (step instanceof Fault.Await a) {
            return Mono.from(a.signal()).then();
        }
        if (step instanceof Fault.Pause p) {
            return Mono.delay(p.duration()).then();
        }
        if (step instanceof Fault.Reset) {
            // SO_LINGER 0: close discards unsent data and sends RST instead of FIN.
            return Mono.fromRunnable(() -> {
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
                channel.close();
            }).then(connection.onDispose());
        }
        if (step instanceof Fault.Close) {
            return Mono.fromRunnable(channel::close).then(connection.onDispose());
        }
        return connection.onDispose();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
    }
}
