package io.agentfactory.sdk.reactor.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;

/**
 * What a {@link FaultServer} does with one request: a script of raw steps played on the
 * connection in order — write bytes, pause, close (FIN), reset (RST), or stall until the client
 * gives up. A script that ends without closing leaves the connection open for the next request
 * (keep-alive). Immutable; every {@code then…} method returns a longer copy.
 *
 * <pre>{@code
 * Fault.answer(200, "application/json", "{}")                        // a well-formed answer
 * Fault.head(200, "Content-Length: 100").then("{\"cut").thenClose()  // premature close mid-body
 * Fault.head(200, "Content-Type: application/x-ndjson", "Transfer-Encoding: chunked")
 *         .thenChunk("{\"a\":1}\n").thenChunk("{\"b\"").thenReset()  // cut inside an NDJSON line
 * }</pre>
 */
public final class Fault {

    /** One step of a script. */
    sealed interface Step permits Write, Chunks, Pause, Await, Close, Reset, Stall {
    }

    /** Writes and flushes these bytes. */
    record Write(byte[] bytes) implements Step {
    }

    /**
     * Writes what {@code body} generates, each piece as one chunk of a chunked body, as fast as the
     * connection takes them: generated on demand, so a body of any length is never in memory.
     */
    record Chunks(Supplier<? extends Publisher<byte[]>> body) implements Step {
    }

    /** Waits before the next step. */
    record Pause(Duration duration) implements Step {
    }

    /** Waits until {@code signal} completes (or signals anything) before the next step. */
    record Await(Publisher<?> signal) implements Step {
    }

    /** Closes the connection gracefully (FIN) once written bytes are flushed. */
    record Close() implements Step {
    }

    /** Aborts the connection: {@code SO_LINGER 0} then close, so the peer sees an RST. */
    record Reset() implements Step {
    }

    /** Sends nothing more until the client closes the connection. */
    record Stall() implements Step {
    }

    private final List<Step> steps;

    private Fault(List<Step> steps) {
        this.steps = steps;
    }

    /** A complete keep-alive answer: status, {@code Content-Type}, {@code Content-Length}, body. */
    public static Fault answer(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return head(status, "Content-Type: " + contentType, "Content-Length: " + bytes.length).then(bytes);
    }

    /** 200 with this JSON body. */
    public static Fault json(String body) {
        return answer(200, "application/json", body);
    }

    /**
     * A 200 JSON answer that promises the whole of {@code json} ({@code Content-Length}) but sends
     * only its first {@code bytesSent} bytes; follow with {@link #thenClose()}, {@link #thenReset()}
     * or {@link #thenStall()}.
     */
    public static Fault truncated(String json, int bytesSent) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return head(200, "Content-Type: application/json", "Content-Length: " + bytes.length)
                .then(Arrays.copyOf(bytes, bytesSent));
    }

    /** A 200 JSON answer whose body is sent in {@code pieces} parts, {@code gap} before each. */
    public static Fault trickled(String json, int pieces, Duration gap) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return head(200, "Content-Type: application/json", "Content-Length: " + bytes.length)
                .thenTrickle(bytes, (bytes.length + pieces - 1) / pieces, gap);
    }

    /** A status line and these header lines ({@code "Name: value"}), then the blank line. */
    public static Fault head(int status, String... headerLines) {
        StringBuilder head = new StringBuilder(128)
                .append("HTTP/1.1 ").append(status).append(' ')
                .append(HttpResponseStatus.valueOf(status).reasonPhrase()).append("\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return raw(head.append("\r\n").toString());
    }

    /** Exactly these bytes (the text as ISO-8859-1, so any byte can be written). */
    public static Fault raw(String text) {
        return raw(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Exactly these bytes. */
    public static Fault raw(byte[] bytes) {
        return new Fault(List.of(new Write(bytes.clone())));
    }

    /** Reads the request, then closes the connection without a byte of answer. */
    public static Fault close() {
        return new Fault(List.of(new Close()));
    }

    /** Reads the request, then resets the connection without a byte of answer. */
    public static Fault reset() {
        return new Fault(List.of(new Reset()));
    }

    /** Reads the request and never answers. */
    public static Fault stall() {
        return new Fault(List.of(new Stall()));
    }

    /** Reads the request, then waits {@code duration} before going on with what follows. */
    public static Fault pause(Duration duration) {
        return new Fault(List.of(new Pause(duration)));
    }

    /** A copy that then plays {@code next}. */
    public Fault then(Fault next) {
        List<Step> more = new ArrayList<>(steps);
        more.addAll(next.steps);
        return new Fault(Collections.unmodifiableList(more));
    }

    /** A copy that then writes this UTF-8 text. */
    public Fault then(String text) {
        return then(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy that then writes these bytes. */
    public Fault then(byte[] bytes) {
        return with(new Write(bytes.clone()));
    }

    /** A copy that then writes this UTF-8 text as one chunk of a chunked body. */
    public Fault thenChunk(String text) {
        return thenChunk(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy that then writes these bytes as one chunk of a chunked body. */
    public Fault thenChunk(byte[] data) {
        return with(new Write(chunk(data)));
    }

    /**
     * A copy that then writes every piece {@code body} generates (subscribed afresh per request) as
     * one chunk each, fetching the next piece only once the connection took the last.
     */
    public Fault thenChunks(Supplier<? extends Publisher<byte[]>> body) {
        return with(new Chunks(body));
    }

    /** {@code data} framed as one chunk of a chunked body: size line, data, CRLF. */
    static byte[] chunk(byte[] data) {
        byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[size.length + data.length + 2];
        System.arraycopy(size, 0, chunk, 0, size.length);
        System.arraycopy(data, 0, chunk, size.length, data.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    /** A copy that then ends a chunked body (the zero-length chunk). */
    public Fault thenLastChunk() {
        return with(new Write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    /** A copy that then waits {@code duration}. */
    public Fault thenPause(Duration duration) {
        return with(new Pause(duration));
    }

    /**
     * A copy that then waits for {@code signal} — typically the client's side saying it has what
     * was written so far — so the next step lands at a known point of the client's progress.
     */
    public Fault thenAwait(Publisher<?> signal) {
        return with(new Await(signal));
    }

    /** A copy that then closes the connection (FIN). */
    public Fault thenClose() {
        return with(new Close());
    }

    /** A copy that then resets the connection (RST). */
    public Fault thenReset() {
        return with(new Reset());
    }

    /** A copy that then sends nothing more until the client closes the connection. */
    public Fault thenStall() {
        return with(new Stall());
    }

    /** A copy that writes {@code body} in pieces of {@code size} bytes, pausing {@code gap} before each. */
    public Fault thenTrickle(byte[] body, int size, Duration gap) {
        List<Step> more = new ArrayList<>(steps);
        for (int i = 0; i < body.length; i += size) {
            byte[] piece = new byte[Math.min(size, body.length - i)];
            System.arraycopy(body, i, piece, 0, piece.length);
            more.add(new Pause(gap));
            more.add(new Write(piece));
        }
        return new Fault(Collections.unmodifiableList(more));
    }

    List<Step> steps() {
        return steps;
    }

    private Fault with(Step step) {
        List<Step> more = new ArrayList<>(steps.size() + 1);
        more.addAll(steps);
        more.add(step);
        return new Fault(Collections.unmodifiableList(more));
    }
}
