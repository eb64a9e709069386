package io.agentfactory.sdk.reactor.internal.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * The envelope diff of a small body whose length was announced: the chunks are gathered into one
 * array and, once the body has ended, decoded in one pass by Jackson's blocking parser, which
 * reads each entry straight into its record (no token buffer, no per-chunk feeding). For callers
 * that keep the whole diff anyway ({@code diffWorkareas}); every event comes at the end of the body.
 *
 * <p>The same checks as {@link EnvelopeDiffParser}, and the same errors by construction: a body
 * that is not strict UTF-8, not one valid JSON document, not of the diff's shape, or whose summary
 * disagrees with its entries is handed, chunk by chunk as it arrived, to an
 * {@link EnvelopeDiffParser}, whose answer (its error, after the entries it decoded) is the answer;
 * so is a body the transport cuts. Only a body that passes every check here is answered here.
 * No entry can exceed the entry limit, since the whole body is at most that long. Same batch
 * contract as the other parsers; one per subscription, not thread-safe.
 */
final class WholeEnvelopeParser implements DiffBodyParser {

    /** The longest body decoded this way: longer ones stream, in bounded memory. */
    static final int MAX_BYTES = 1024 * 1024;

    // Read in the middle of the document: what follows a value is the rest of the document, not trailing tokens.
    private static final ObjectReader ENTRY = DiffWire.ENTRY.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectReader SUMMARY = DiffWire.SUMMARY.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final DiffErrors errors;
    private final int maxEntryBytes;
    private byte[] body;
    private int length;
    /** Where each chunk ended in {@link #body}, in arrival order. */
    private int[] chunkEnds = new int[4];
    private int chunks;
    private boolean ended;

    /**
     * @param announcedLength the body's {@code Content-Length}, at most {@code min(maxEntryBytes, MAX_BYTES)}
     */
    WholeEnvelopeParser(DiffErrors errors, int maxEntryBytes, int announcedLength) {
        this.errors = errors;
        this.maxEntryBytes = maxEntryBytes;
        this.body = new byte[announcedLength];
    }

    /** Whether a body announced as {@code contentLength} bytes ({@code -1}: not announced) is decoded this way. */
    static boolean fits(long contentLength, int maxEntryBytes) {
        return contentLength >= 0 && contentLength <= Math.min(maxEntryBytes, MAX_BYTES);
    }

    /** Copies {@code chunk}; the events all come at the end of the body. */
    @Override
    public Flux<WorkareaDiffEvent> read(ByteBuf chunk) {
        if (ended) {
            return Flux.empty();
        }
        int readable = chunk.readableBytes();
        if (readable == 0) {
            return Flux.empty();
        }
        if (length + readable > body.length) {
            // More than announced (the codec frames by Content-Length, so only a caller's own body).
            body = Arrays.copyOf(body, Math.max(length + readable, 2 * body.length));
        }
        chunk.getBytes(chunk.readerIndex(), body, length, readable);
        length += readable;
        if (chunks == chunkEnds.length) {
            chunkEnds = Arrays.copyOf(chunkEnds, 2 * chunks);
        }
        chunkEnds[chunks++] = length;
        return Flux.empty();
    }

    @Override
    public Flux<WorkareaDiffEvent> finish() {
        if (ended) {
            return Flux.empty();
        }
        ended = true;
        List<WorkareaDiffEvent> events = decodeAtOnce(body, length);
        if (events != null) {
            body = new byte[0];
            return Flux.fromIterable(events);
        }
        EnvelopeDiffParser streaming = replay();
        return replayed(streaming).concatWith(Flux.defer(streaming::finish));
    }

    @Override
    public Flux<WorkareaDiffEvent> cut(Throwable cause) {
        if (ended) {
            return Flux.empty();
        }
        ended = true;
        EnvelopeDiffParser streaming = replay();
        return replayed(streaming).concatWith(Flux.defer(() -> streaming.cut(cause)));
    }

    private EnvelopeDiffParser replay() {
        return new EnvelopeDiffParser(errors, maxEntryBytes);
    }

    /** The batches {@code streaming} answers to the chunks as they arrived. */
    private Flux<WorkareaDiffEvent> replayed(EnvelopeDiffParser streaming) {
        List<Flux<WorkareaDiffEvent>> batches = new ArrayList<>(chunks);
        byte[] bytes = body;
        int from = 0;
        for (int i = 0; i < chunks; i++) {
            int end = chunkEnds[i];
            batches.add(streaming.read(Unpooled.wrappedBuffer(bytes, from, end - from)));
            from = end;
        }
        body = new byte[0];
        return Flux.concat(batches);
    }

    /** Every entry of {@code body[0, length)} then its summary, or {@code null} when it fails any check. */
    static @Nullable List<WorkareaDiffEvent> decodeAtOnce(byte[] body, int length) {
        if (StrictUtf8.firstInvalid(body, 0, length) >= 0) {
            return null;
        }
        Walk walk = new Walk();
        try (JsonParser parser = ENTRY.createParser(body, 0, length)) {
            if (!walk.document(parser) || parser.nextToken() != null) {
                return null;
            }
        } catch (RuntimeException e) {
            return null;
        }
        WorkareaDiffSummary summary = walk.summary;
        if (summary == null || !walk.tally.agreesWith(summary)) {
            return null;
        }
        walk.events.add(summary);
        return walk.events;
    }

    /**
     * The document walked as {@link EnvelopeDiffParser} walks it: {@code diff} at the root
     * ({@code null} or absent is no diff), {@code summary} and {@code entries} in it ({@code null}
     * is absent), a repeated key read again, anything else skipped. Any other shape answers false.
     */
    private static final class Walk {

        final List<WorkareaDiffEvent> events = new ArrayList<>();
        final DiffTally tally = new DiffTally();
        @Nullable WorkareaDiffSummary summary;

        boolean document(JsonParser parser) {
            return parser.nextToken() == JsonToken.START_OBJECT && fields(parser, this::rootField);
        }

        private boolean rootField(JsonParser parser, String name, JsonToken value) {
            if ("diff".equals(name)) {
                return value == JsonToken.START_OBJECT ? fields(parser, this::diffField) : value == JsonToken.VALUE_NULL;
            }
            parser.skipChildren();
            return true;
        }

        private boolean diffField(JsonParser parser, String name, JsonToken value) {
            if ("summary".equals(name) && value == JsonToken.START_OBJECT) {
                summary = SUMMARY.readValue(parser);
                return true;
            }
            if ("entries".equals(name) && value == JsonToken.START_ARRAY) {
                return entries(parser);
            }
            if ("summary".equals(name) || "entries".equals(name)) {
                return value == JsonToken.VALUE_NULL;
            }
            parser.skipChildren();
            return true;
        }

        /** Reads one field's value (the parser is on it); false when it fails a check. */
        @FunctionalInterface
        private interface Field {
            boolean read(JsonParser parser, String name, JsonToken value);
        }

        /** Walks the fields of the object the parser is in through {@code field}, to its end. */
        private static boolean fields(JsonParser parser, Field field) {
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == null || !field.read(parser, name, value)) {
                    return false;
                }
            }
            return token == JsonToken.END_OBJECT;
        }

        private boolean entries(JsonParser parser) {
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                WorkareaDiffEntry entry = ENTRY.readValue(parser);
                if (entry == null) {
                    return false;
                }
                tally.count(entry);
                events.add(entry);
            }
            return token == JsonToken.END_ARRAY;
        }
    }
}
