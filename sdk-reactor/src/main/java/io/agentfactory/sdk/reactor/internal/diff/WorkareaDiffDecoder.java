package io.agentfactory.sdk.reactor.internal.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.netty.buffer.ByteBuf;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

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
 *     // An empty body must reach the decoder (and fail), not vanish into an empty Flux.
 *     case ENVELOPE -> body.aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMapMany(decoder::envelope);
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
        return Flux.defer(() -> {
            NdjsonDiffParser parser = new NdjsonDiffParser(errors, maxLineBytes);
            Flux<Flux<WorkareaDiffEvent>> batches = body
                    .map(parser::read)
                    // read() turns its own failures into batches: what arrives here came from the transport.
                    .onErrorResume(cause -> Mono.just(parser.cut(cause)))
                    .concatWith(Mono.fromSupplier(parser::finish));
            return Flux.concat(batches, CHUNK_PREFETCH);
        });
    }

    /**
     * Decodes the single-document shape {@code {"diff": {"summary": {...}, "entries": [...]}}} into
     * the same events as {@link #ndjson(Flux)}, with the same checks: strict UTF-8, valid JSON, a
     * summary present, and summary counts that agree with the entries. Decoding happens on
     * subscription.
     *
     * @param json the whole response body
     * @return the entries, then the summary; or {@link ResponseDecodeException} or
     *         {@link DiffSummaryMismatchException}
     */
    public Flux<WorkareaDiffEvent> envelope(byte[] json) {
        Objects.requireNonNull(json, "json");
        return Flux.defer(() -> {
            List<WorkareaDiffEvent> events;
            try {
                events = decodeEnvelope(json);
            } catch (RuntimeException e) {
                return Flux.error(e);
            }
            return Flux.fromIterable(events);
        });
    }

    private List<WorkareaDiffEvent> decodeEnvelope(byte[] json) {
        int invalid = StrictUtf8.firstInvalid(json, 0, json.length);
        if (invalid >= 0) {
            throw errors.decode("diff body is not valid UTF-8 (byte " + (invalid + 1) + ")", null);
        }
        DiffWire.Envelope envelope;
        try {
            envelope = DiffWire.ENVELOPE.readValue(json);
        } catch (JacksonException e) {
            throw errors.decode("invalid diff JSON, " + DiffWire.describe(e, true), e);
        }
        DiffWire.Body diff = envelope == null ? null : envelope.diff();
        if (diff == null) {
            throw errors.decode("diff body has no \"diff\" object", null);
        }
        WorkareaDiffSummary summary = diff.summary();
        if (summary == null) {
            throw errors.decode("diff body has no \"diff.summary\" object", null);
        }
        List<WorkareaDiffEntry> entries = diff.entries() == null ? List.of() : diff.entries();
        List<WorkareaDiffEvent> events = new ArrayList<>(entries.size() + 1);
        DiffTally tally = new DiffTally();
        for (int i = 0; i < entries.size(); i++) {
            WorkareaDiffEntry entry = entries.get(i);
            if (entry == null) {
                throw errors.decode("diff.entries[" + i + "] is null", null);
            }
            tally.count(entry);
            events.add(entry);
        }
        if (!tally.agreesWith(summary)) {
            throw errors.mismatch(summary, tally);
        }
        events.add(summary);
        return events;
    }
}
