package io.agentfactory.sdk.reactor.internal.diff;

import java.util.Objects;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.error.DiffStreamFailedException;
import io.agentfactory.sdk.error.DiffSummaryMismatchException;
import io.agentfactory.sdk.error.DiffTruncatedException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * Decodes the body of {@code GET /api/daemon/workareas/<idA>/diff/<idB>} (sdk-api/CONTRACT.md §4), in
 * either {@linkplain WorkareaDiffShape shape}, into every {@link WorkareaDiffEntry} in wire order
 * followed by exactly one {@link WorkareaDiffSummary}, whose counts have been checked against the
 * entries. Not API.
 *
 * <pre>{@code
 * WorkareaDiffDecoder decoder = new WorkareaDiffDecoder("GET", path);
 * Flux<WorkareaDiffEvent> events = switch (WorkareaDiffShape.of(contentType)) {
 *     case NDJSON -> decoder.ndjson(body);
 *     case ENVELOPE -> decoder.envelope(body);
 * };
 * }</pre>
 *
 * <p>The decoder holds only its configuration; each subscription decodes afresh, so a retried
 * request may subscribe again. Errors name the method and path given here:
 * <ul>
 * <li>{@link ResponseDecodeException}: invalid JSON or UTF-8 (naming the line), a line over
 *     {@code maxLineBytes}, a missing summary object;</li>
 * <li>{@link DiffStreamFailedException}: the daemon's {@code {"error": …}} line;</li>
 * <li>{@link DiffTruncatedException}: the body ended without its summary line, the transport
 *     failed mid-stream (the failure is the cause), or a line followed the summary;</li>
 * <li>{@link DiffSummaryMismatchException}: the summary's counts disagree with the entries.</li>
 * </ul>
 */
public final class WorkareaDiffDecoder {

    /** The default limit of one NDJSON line: 1 MiB, far above any real entry. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

    /**
     * Body chunks requested ahead of the one being emitted. One keeps the next chunk parsed while
     * the subscriber works through the current one, and memory at two chunks' worth of entries.
     */
    static final int CHUNK_PREFETCH = 1;

    private final DiffErrors errors;
    private final int maxLineBytes;

    /**
     * A decoder with the default line limit.
     *
     * @param method the request's HTTP method, for error messages
     * @param path the request's path without query, for error messages
     */
    public WorkareaDiffDecoder(String method, String path) {
        this(method, path, DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * A decoder.
     *
     * @param method the request's HTTP method, for error messages
     * @param path the request's path without query, for error messages
     * @param maxLineBytes the longest NDJSON line accepted, in bytes, without its terminator
     * @throws IllegalArgumentException when {@code maxLineBytes} is not positive (or too large to
     *         buffer)
     */
    public WorkareaDiffDecoder(String method, String path, int maxLineBytes) {
        if (maxLineBytes < 1 || maxLineBytes > LineFramer.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "maxLineBytes must be in [1, " + LineFramer.MAX_LIMIT + "]: " + maxLineBytes);
        }
        this.errors = new DiffErrors(Objects.requireNonNull(method, "method"), Objects.requireNonNull(path, "path"));
        this.maxLineBytes = maxLineBytes;
    }

    /** The longest NDJSON line accepted, in bytes. */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /**
     * Decodes an NDJSON body ({@code application/x-ndjson}): every entry line, then the summary
     * once the body has ended after it. Blank lines and {@code \r\n} terminators are accepted.
     *
     * <p>Chunks are requested only as the subscriber's demand needs them (one chunk ahead), so a
     * slow subscriber slows the socket, and memory holds at most one partial line plus the entries
     * of two chunks, however long the diff. Each chunk is read while it is being delivered and
     * never retained or released: the transport, which owns it, may release it as soon as
     * {@code onNext} returns. Cancelling cancels {@code body}.
     *
     * @param body the response body, as delivered by the transport
     * @return the entries, then the summary; or one of the errors listed on this class
     */
    public Flux<WorkareaDiffEvent> ndjson(Flux<ByteBuf> body) {
        Objects.requireNonNull(body, "body");
        return decode(body, () -> new NdjsonDiffParser(errors, maxLineBytes));
    }

    /**
     * Decodes the single-document shape {@code {"diff": {"summary": {...}, "entries": [...]}}} as it
     * arrives, into the same events as {@link #ndjson(Flux)}, with the same checks (strict UTF-8,
     * valid JSON, a summary present, counts that agree) and the same backpressure: each entry is
     * emitted once its object is complete, so memory holds one entry and one chunk however large
     * the document; an entry longer than {@code maxLineBytes} fails the stream. The summary comes
     * last, whether the document has it before or after the entries.
     *
     * @param body the response body, as delivered by the transport
     * @return the entries, then the summary; or one of the errors listed on this class
     */
    public Flux<WorkareaDiffEvent> envelope(Flux<ByteBuf> body) {
        Objects.requireNonNull(body, "body");
        return decode(body, () -> new EnvelopeDiffParser(errors, maxLineBytes));
    }

    /**
     * {@link #envelope(Flux)} for a caller that keeps the whole diff anyway: when the body's
     * announced length is at most {@code maxLineBytes} (and 1 MiB), it is gathered and decoded in
     * one pass, with the same checks and the same errors, every event coming once the body has
     * ended; otherwise, or when {@code contentLength} is {@code -1} (not announced), as
     * {@link #envelope(Flux)}.
     *
     * @param body the response body, as delivered by the transport
     * @param contentLength the body's {@code Content-Length}, or {@code -1}
     * @return the entries, then the summary; or one of the errors listed on this class
     */
    public Flux<WorkareaDiffEvent> wholeEnvelope(Flux<ByteBuf> body, long contentLength) {
        Objects.requireNonNull(body, "body");
        if (!WholeEnvelopeParser.fits(contentLength, maxLineBytes)) {
            return envelope(body);
        }
        return decode(body, () -> new WholeEnvelopeParser(errors, maxLineBytes, (int) contentLength));
    }

    private static Flux<WorkareaDiffEvent> decode(Flux<ByteBuf> body, Supplier<DiffBodyParser> parsers) {
        return Flux.defer(() -> {
            DiffBodyParser parser = parsers.get();
            Flux<Flux<WorkareaDiffEvent>> batches = body
                    .map(parser::read)
                    // read() turns its own failures into batches: what arrives here came from the transport.
                    .onErrorResume(cause -> Mono.just(parser.cut(cause)))
                    .concatWith(Mono.fromSupplier(parser::finish));
            return Flux.concat(batches, CHUNK_PREFETCH);
        });
    }

    /**
     * {@link #envelope(Flux)} of a body already in memory. Decoding happens on subscription.
     *
     * @param json the whole response body
     */
    public Flux<WorkareaDiffEvent> envelope(byte[] json) {
        Objects.requireNonNull(json, "json");
        return envelope(Flux.defer(() -> Flux.just(Unpooled.wrappedBuffer(json))));
    }
}
