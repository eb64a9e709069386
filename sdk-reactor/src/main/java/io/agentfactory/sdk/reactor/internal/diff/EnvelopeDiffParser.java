package io.agentfactory.sdk.reactor.internal.diff;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.databind.util.TokenBuffer;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * The state of one envelope diff subscription ({@code {"diff": {"summary": …, "entries": […]}}}):
 * Jackson's non-blocking parser is fed each chunk, and every entry is decoded and emitted as soon
 * as its object is complete, so memory holds one entry and one chunk, never the document or the
 * list of entries. The summary may come before or after the entries; it is emitted last, once the
 * document has ended and its counts were checked. Fields other than {@code diff},
 * {@code summary} and {@code entries} are skipped without being kept.
 *
 * <p>Same batch contract as {@link NdjsonDiffParser}: each call answers a finite batch, a failure
 * is the last signal of its batch, and every later call answers an empty batch. Not thread-safe:
 * Reactive Streams serializes the calls.
 */
final class EnvelopeDiffParser implements DiffBodyParser {

    private enum Where { START, ROOT, DIFF, ENTRIES, END }

    private enum Buffered { SUMMARY, ENTRY }

    private final DiffErrors errors;
    private final int maxEntryBytes;
    private final JsonParser parser = JsonCodec.get().mapper().createNonBlockingByteArrayParser();
    private final ByteArrayFeeder feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
    private final Utf8Carry utf8 = new Utf8Carry();
    private final DiffTally tally = new DiffTally();

    private byte[] input = new byte[0];
    private Where where = Where.START;
    private @Nullable String property;
    private int skipDepth;
    private @Nullable TokenBuffer buffer;
    private Buffered buffered = Buffered.ENTRY;
    private int bufferDepth;
    private long bufferStart;
    private int entryIndex;
    private @Nullable WorkareaDiffSummary summary;
    private boolean sawDiff;
    private boolean ended;

    EnvelopeDiffParser(DiffErrors errors, int maxEntryBytes) {
        this.errors = errors;
        this.maxEntryBytes = maxEntryBytes;
    }

    /** The entries {@code chunk} completes. Copies the chunk before returning and keeps no reference to it. */
    @Override
    public Flux<WorkareaDiffEvent> read(ByteBuf chunk) {
        if (ended) {
            return Flux.empty();
        }
        List<WorkareaDiffEvent> entries = new ArrayList<>();
        try {
            int length = chunk.readableBytes();
            if (input.length < length) {
                input = new byte[Math.max(length, Math.min(64 * 1024, 2 * input.length))];
            }
            chunk.getBytes(chunk.readerIndex(), input, 0, length);
            long invalid = utf8.check(input, length);
            if (invalid >= 0) {
                throw errors.decode("diff body is not valid UTF-8 (byte " + (invalid + 1) + ")", null);
            }
            feeder.feedInput(input, 0, length);
            drain(entries);
        } catch (RuntimeException e) {
            return failAfter(entries, failure(e));
        } catch (OutOfMemoryError e) {
            return failAfter(List.of(), DiffBodyParser.outOfMemory(errors, tally));
        }
        return DiffBodyParser.batch(entries);
    }

    /** The end of the body: the summary, or why the document is not a diff. */
    @Override
    public Flux<WorkareaDiffEvent> finish() {
        if (ended) {
            return Flux.empty();
        }
        List<WorkareaDiffEvent> events = new ArrayList<>(2);
        try {
            if (utf8.pending() >= 0) {
                throw errors.decode("diff body is not valid UTF-8 (byte " + (utf8.pending() + 1) + ")", null);
            }
            feeder.endOfInput();
            drain(events);
            if (where == Where.START) {
                throw errors.decode("invalid diff JSON, the body is empty", null);
            }
            if (where != Where.END) {
                throw errors.decode("invalid diff JSON, the document ends before it is complete", null);
            }
            WorkareaDiffSummary last = summary;
            if (last == null) {
                throw errors.decode(!sawDiff ? "diff body has no \"diff\" object"
                        : "diff body has no \"diff.summary\" object", null);
            }
            if (!tally.agreesWith(last)) {
                throw errors.mismatch(last, tally);
            }
            ended = true;
            events.add(last);
        } catch (RuntimeException e) {
            return failAfter(events, failure(e));
        }
        return Flux.fromIterable(events);
    }

    /** The transport failed before the body ended. */
    @Override
    public Flux<WorkareaDiffEvent> cut(Throwable cause) {
        if (ended) {
            return Flux.empty();
        }
        return failAfter(List.of(), errors.truncated(tally.total(), "diff body cut after " + tally.total()
                + " entries: " + cause, cause));
    }

    private void drain(List<WorkareaDiffEvent> out) {
        JsonToken token;
        while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
            accept(token, out);
        }
        if (buffer != null && parser.currentLocation().getByteOffset() - bufferStart > maxEntryBytes) {
            throw errors.decode((buffered == Buffered.ENTRY ? "diff.entries[" + entryIndex + "]" : "diff.summary")
                    + " is longer than the limit of " + maxEntryBytes + " bytes (maxLineBytes)", null);
        }
    }

    private void accept(JsonToken token, List<WorkareaDiffEvent> out) {
        if (skipDepth > 0) {
            skipDepth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            return;
        }
        TokenBuffer open = buffer;
        if (open != null) {
            open.copyCurrentEvent(parser);
            bufferDepth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            if (bufferDepth == 0) {
                buffer = null;
                complete(open, out);
            }
            return;
        }
        switch (where) {
            case START -> {
                if (token == JsonToken.VALUE_NULL) {
                    throw errors.decode("diff body has no \"diff\" object", null);
                }
                if (token != JsonToken.START_OBJECT) {
                    throw errors.decode("invalid diff JSON, the body is not a JSON object", null);
                }
                where = Where.ROOT;
            }
            case ROOT -> {
                if (token == JsonToken.END_OBJECT) {
                    where = Where.END;
                } else if (token == JsonToken.PROPERTY_NAME) {
                    property = parser.currentName();
                } else if ("diff".equals(property) && token == JsonToken.START_OBJECT) {
                    sawDiff = true;
                    where = Where.DIFF;
                } else if ("diff".equals(property) && token != JsonToken.VALUE_NULL) {
                    throw errors.decode("diff body has no \"diff\" object", null);
                } else {
                    skip(token);
                }
            }
            case DIFF -> {
                if (token == JsonToken.END_OBJECT) {
                    where = Where.ROOT;
                    property = null;
                } else if (token == JsonToken.PROPERTY_NAME) {
                    property = parser.currentName();
                } else if ("summary".equals(property) && token == JsonToken.START_OBJECT) {
                    startBuffer(Buffered.SUMMARY);
                } else if ("entries".equals(property) && token == JsonToken.START_ARRAY) {
                    where = Where.ENTRIES;
                } else if (("summary".equals(property) || "entries".equals(property))
                        && token != JsonToken.VALUE_NULL) {
                    throw errors.decode("invalid diff JSON, \"diff." + property + "\" has the wrong type", null);
                } else {
                    skip(token);
                }
            }
            case ENTRIES -> {
                if (token == JsonToken.END_ARRAY) {
                    where = Where.DIFF;
                } else if (token == JsonToken.START_OBJECT) {
                    startBuffer(Buffered.ENTRY);
                } else if (token == JsonToken.VALUE_NULL) {
                    throw errors.decode("diff.entries[" + entryIndex + "] is null", null);
                } else {
                    throw errors.decode("invalid diff JSON, diff.entries[" + entryIndex + "] is not an object", null);
                }
            }
            case END -> throw errors.decode("invalid diff JSON, data after the end of the document", null);
        }
    }

    private void skip(JsonToken token) {
        if (token.isStructStart()) {
            skipDepth = 1;
        }
    }

    private void startBuffer(Buffered kind) {
        TokenBuffer open = new TokenBuffer(false);
        open.copyCurrentEvent(parser);
        buffer = open;
        buffered = kind;
        bufferDepth = 1;
        bufferStart = parser.currentTokenLocation().getByteOffset();
    }

    private void complete(TokenBuffer tokens, List<WorkareaDiffEvent> out) {
        try (JsonParser replay = tokens.asParser()) {
            if (buffered == Buffered.SUMMARY) {
                summary = DiffWire.SUMMARY.readValue(replay);
                return;
            }
            WorkareaDiffEntry entry = DiffWire.ENTRY.readValue(replay);
            tally.count(entry);
            entryIndex++;
            out.add(entry);
        }
    }

    private AgentFactoryException failure(RuntimeException e) {
        if (e instanceof AgentFactoryException known) {
            return known;
        }
        if (e instanceof JacksonException json) {
            return errors.decode("invalid diff JSON, " + DiffWire.describe(json, true), e);
        }
        return errors.decode("could not read the diff body", e);
    }

    private Flux<WorkareaDiffEvent> failAfter(List<WorkareaDiffEvent> events, AgentFactoryException failure) {
        ended = true;
        input = new byte[0];
        parser.close();
        return DiffBodyParser.eventsThen(events, failure);
    }

    /**
     * Strict UTF-8 over a body that arrives in chunks: a sequence cut by a chunk boundary is
     * checked once its end arrives.
     */
    private static final class Utf8Carry {

        private final byte[] carry = new byte[3];
        private int carried;
        private long offset;

        /** The body offset of the first invalid byte of {@code bytes[0, length)} (after the carry), or -1. */
        long check(byte[] bytes, int length) {
            byte[] joined = bytes;
            int joinedLength = length;
            long start = offset - carried;
            if (carried > 0) {
                joined = new byte[carried + length];
                System.arraycopy(carry, 0, joined, 0, carried);
                System.arraycopy(bytes, 0, joined, carried, length);
                joinedLength = carried + length;
            }
            int end = completeUpTo(joined, joinedLength);
            int invalid = StrictUtf8.firstInvalid(joined, 0, end);
            offset += length;
            if (invalid >= 0) {
                return start + invalid;
            }
            carried = joinedLength - end;
            System.arraycopy(joined, end, carry, 0, carried);
            return -1;
        }

        /** The offset of a sequence left incomplete at the end of the body, or -1. */
        long pending() {
            return carried == 0 ? -1 : offset - carried;
        }

        /** Where the last complete sequence of {@code bytes[0, length)} ends. */
        private static int completeUpTo(byte[] bytes, int length) {
            for (int back = 1; back <= 3 && back <= length; back++) {
                int b = bytes[length - back] & 0xFF;
                if ((b & 0xC0) == 0x80) {
                    continue;
                }
                int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return need > back ? length - back : length;
            }
            return length;
        }
    }
}
