package io.agentfactory.sdk.reactor.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.reactivestreams.Publisher;

import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * What a {@link RecordingServer} answers: a status, headers and a body sent as one or more chunks,
 * optionally with a delay between chunks; or a custom writer for anything else (stalls, cut
 * connections, endless streams).
 */
public final class Reply {

    final int status;
    final Map<String, String> headers;
    final List<byte[]> chunks;
    final Duration chunkDelay;
    final BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> custom;

    private Reply(int status, Map<String, String> headers, List<byte[]> chunks, Duration chunkDelay,
            BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> custom) {
        this.status = status;
        this.headers = headers;
        this.chunks = chunks;
        this.chunkDelay = chunkDelay;
        this.custom = custom;
    }

    /** A status with an empty body. */
    public static Reply status(int status) {
        return new Reply(status, new LinkedHashMap<>(), List.of(), Duration.ZERO, null);
    }

    /** {@code status} with a JSON body. */
    public static Reply json(int status, String json) {
        return status(status).header("Content-Type", "application/json").body(json);
    }

    /** 200 with a JSON body. */
    public static Reply json(String json) {
        return json(200, json);
    }

    /** {@code status} with a {@code text/plain} body. */
    public static Reply text(int status, String text) {
        return status(status).header("Content-Type", "text/plain; charset=utf-8").body(text);
    }

    /** A custom writer: full control of the response (or the connection). */
    public static Reply custom(BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> writer) {
        return new Reply(200, Map.of(), List.of(), Duration.ZERO, writer);
    }

    /** A copy with one more header. */
    public Reply header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, h, chunks, chunkDelay, custom);
    }

    /** A copy with this UTF-8 body, sent in one chunk. */
    public Reply body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with this body, sent in one chunk. */
    public Reply body(byte[] bytes) {
        return new Reply(status, headers, List.of(bytes), chunkDelay, custom);
    }

    /** A copy whose body is sent in chunks of {@code size} bytes, each flushed on its own. */
    public Reply chunked(int size) {
        byte[] all = concat(chunks);
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < all.length; i += size) {
            byte[] part = new byte[Math.min(size, all.length - i)];
            System.arraycopy(all, i, part, 0, part.length);
            parts.add(part);
        }
        return new Reply(status, headers, parts, chunkDelay, custom);
    }

    /** A copy whose body is sent in exactly these chunks, each flushed on its own. */
    public Reply chunks(List<byte[]> parts) {
        return new Reply(status, headers, List.copyOf(parts), chunkDelay, custom);
    }

    /** A copy that waits {@code delay} before each chunk. */
    public Reply chunkDelay(Duration delay) {
        return new Reply(status, headers, chunks, delay, custom);
    }

    static byte[] concat(List<byte[]> parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
