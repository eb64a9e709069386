package io.agentfactory.sdk.reactor.internal.diff;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.reactor.internal.diff.DiffWire.LineKind;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * The state of one NDJSON diff subscription: turns each chunk, synchronously, into the events of
 * the lines it completes, and the end of the stream into the summary or the reason there is none.
 *
 * <p>Each method answers a finite batch for {@code Flux.concat} to flatten in order; a failure is
 * the last signal of its batch, after the entries that preceded it on the wire, and every later
 * call answers an empty batch. The summary is held back until the stream has ended, so that it
 * is only ever emitted as the true last line. Not thread-safe: Reactive Streams serializes the
 * calls.
 */
final class NdjsonDiffParser implements DiffBodyParser {

    /**
     * The most blank lines accepted in a row: a few are harmless (keep-alives, {@code \r\n}
     * padding); an endless run is a server holding the stream open without a diff.
     */
    static final int MAX_CONSECUTIVE_BLANK_LINES = 1024;

    private final DiffErrors errors;
    private final LineFramer lines;
    private final DiffTally tally = new DiffTally();
    private final EntryLineReader fast = new EntryLineReader();

    private @Nullable WorkareaDiffSummary summary;
    private long summaryLine;
    private int blankRun;
    private boolean ended;

    NdjsonDiffParser(DiffErrors errors, int maxLineBytes) {
        this.errors = errors;
        this.lines = new LineFramer(maxLineBytes);
    }

    /**
     * The entries of the lines {@code chunk} completes. Reads the chunk before returning and keeps
     * no reference to it: its owner may release it as soon as this returns.
     */
    @Override
    public Flux<WorkareaDiffEvent> read(ByteBuf chunk) {
        if (ended) {
            return Flux.empty();
        }
        List<WorkareaDiffEvent> entries = new ArrayList<>();
        try {
            lines.feed(chunk);
            while (lines.next()) {
                WorkareaDiffEntry entry = decodeLine();
                if (entry != null) {
                    entries.add(entry);
                }
            }
        } catch (RuntimeException e) {
            return failAfter(entries, failure(e));
        } catch (OutOfMemoryError e) {
            return failAfter(List.of(), DiffBodyParser.outOfMemory(errors, tally));
        }
        return DiffBodyParser.batch(entries);
    }

    /** The end of the body: a last unterminated line, then the summary, or why the diff is short. */
    @Override
    public Flux<WorkareaDiffEvent> finish() {
        if (ended) {
            return Flux.empty();
        }
        List<WorkareaDiffEvent> events = new ArrayList<>(2);
        try {
            if (lines.finish()) {
                WorkareaDiffEntry entry = decodeLastLine();
                if (entry != null) {
                    events.add(entry);
                }
            }
        } catch (RuntimeException e) {
            return failAfter(events, failure(e));
        }
        WorkareaDiffSummary last = summary;
        if (last == null) {
            return failAfter(events, errors.truncated(tally.total(), "diff stream ended after " + tally.total()
                    + " entries without its summary line", null));
        }
        ended = true;
        events.add(last);
        return Flux.fromIterable(events);
    }

    /** The transport failed before the body ended: whatever was read, the diff is short. */
    @Override
    public Flux<WorkareaDiffEvent> cut(Throwable cause) {
        if (ended) {
            return Flux.empty();
        }
        String where = summary == null ? "" : ", after the summary line but before the end of the body";
        return failAfter(List.of(), errors.truncated(tally.total(), "diff stream cut after " + tally.total()
                + " entries" + where + ": " + cause, cause));
    }

    private @Nullable WorkareaDiffEntry decodeLine() {
        byte[] bytes = lines.bytes();
        int from = lines.offset();
        int to = from + lines.length();
        long number = lines.number();
        LineKind kind = DiffWire.kindOf(bytes, from, to);
        if (kind == LineKind.BLANK) {
            if (++blankRun > MAX_CONSECUTIVE_BLANK_LINES) {
                throw errors.decode("more than " + MAX_CONSECUTIVE_BLANK_LINES
                        + " consecutive blank lines at diff line " + number, null);
            }
            return null;
        }
        blankRun = 0;
        int invalid = StrictUtf8.firstInvalid(bytes, from, to);
        if (invalid >= 0) {
            throw errors.decode("diff line " + number + " is not valid UTF-8 (byte " + (invalid - from + 1) + ")",
                    null);
        }
        if (kind == LineKind.ERROR) {
            DiffWire.ErrorLine error = read(DiffWire.ERROR_LINE, bytes, from, to, number);
            throw errors.failed(error.message());
        }
        if (summary != null) {
            throw errors.truncated(tally.total(), "diff line " + number + " follows the summary line " + summaryLine
                    + ", which must be the last line", null);
        }
        if (kind == LineKind.SUMMARY) {
            DiffWire.SummaryLine line = read(DiffWire.SUMMARY_LINE, bytes, from, to, number);
            WorkareaDiffSummary received = line.summary();
            if (received == null) {
                throw errors.decode("diff line " + number + ": the summary line has no summary object", null);
            }
            if (!tally.agreesWith(received)) {
                throw errors.mismatch(received, tally);
            }
            summary = received;
            summaryLine = number;
            return null;
        }
        WorkareaDiffEntry entry = fast.read(bytes, from, to);
        if (entry == null) {
            entry = read(DiffWire.ENTRY, bytes, from, to, number);
        }
        tally.count(entry);
        return entry;
    }

    /** A last line without terminator that does not decode was cut short, not written wrong. */
    private @Nullable WorkareaDiffEntry decodeLastLine() {
        long number = lines.number();
        try {
            return decodeLine();
        } catch (ResponseDecodeException e) {
            throw errors.truncated(tally.total(), "diff stream ended inside line " + number + " after "
                    + tally.total() + " entries", e);
        }
    }

    private <T> T read(ObjectReader reader, byte[] bytes, int from, int to, long number) {
        T value;
        try {
            value = reader.readValue(bytes, from, to - from);
        } catch (JacksonException e) {
            throw errors.decode("invalid JSON on diff line " + number + ", " + DiffWire.describe(e, false), e);
        }
        if (value == null) {
            throw errors.decode("diff line " + number + " is not a JSON object", null);
        }
        return value;
    }

    private AgentFactoryException failure(RuntimeException e) {
        if (e instanceof AgentFactoryException known) {
            return known;
        }
        if (e instanceof LineFramer.OverlongLineException overlong) {
            return errors.decode("diff line " + overlong.lineNumber() + " is longer than the limit of "
                    + overlong.limit() + " bytes (maxLineBytes)", null);
        }
        // A defect, or a buffer its owner released too early: still this diff's failure, cause kept.
        return errors.decode("could not read diff line " + (lines.number() + 1), e);
    }

    private Flux<WorkareaDiffEvent> failAfter(List<WorkareaDiffEvent> events, AgentFactoryException failure) {
        ended = true;
        lines.clear();
        return DiffBodyParser.eventsThen(events, failure);
    }
}
