package io.agentfactory.sdk.examples.simulator;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectWriter;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEnvelope;
import io.agentfactory.sdk.workarea.WorkareaDiffResult;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;

/**
 * Answers a workarea diff in the shape the daemon picks by size (sdk-api/CONTRACT.md §4): up to the
 * streaming threshold one {@code application/json} envelope, above it {@code application/x-ndjson}
 * — one entry per line and the {@code {"summary":…}} line last — generated chunk by chunk only as
 * the connection asks for more, so memory stays bounded whatever the diff's size.
 */
final class DiffResponses {

    /** The size the NDJSON body is cut into: lines are appended until a chunk reaches it. */
    static final int CHUNK_BYTES = 32 * 1024;

    /** What NDJSON generation has produced so far (for tests and benchmarks: memory stays bounded). */
    static final class Meter {
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong chunks = new AtomicLong();

        /** Bytes of NDJSON generated since the simulator started. */
        long bytes() {
            return bytes.get();
        }

        long chunks() {
            return chunks.get();
        }
    }

    /** Ends a stream abruptly: the server closes the connection without finishing the body. */
    static final class StreamCut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StreamCut(long entries) {
            super("simulated connection cut after " + entries + " diff entries", null, false, false);
        }
    }

    private DiffResponses() {
    }

    static Reply reply(DiffPlan plan, int threshold, FaultKnobs faults, Meter meter) {
        if (plan.size() <= threshold) {
            return envelope(plan);
        }
        int cutAfter = faults.cutStreamAfter();
        int failAfter = faults.failStreamAfter();
        String failMessage = faults.failStreamMessage();
        Flux<byte[]> chunks = Flux.generate(() -> new NdjsonWriter(plan, cutAfter, failAfter, failMessage, meter),
                (writer, sink) -> {
                    byte[] chunk = writer.nextChunk();
                    if (chunk != null) {
                        sink.next(chunk);
                    }
                    else if (writer.cut) {
                        sink.error(new StreamCut(writer.written));
                    }
                    else {
                        sink.complete();
                    }
                    return writer;
                });
        return Reply.ndjson(chunks);
    }

    private static Reply envelope(DiffPlan plan) {
        List<WorkareaDiffEntry> entries = new ArrayList<>((int) plan.size());
        plan.entries().forEachRemaining(entries::add);
        int[] counts = new int[3];
        entries.forEach(entry -> counts[statusIndex(entry)]++);
        return Reply.json(new WorkareaDiffEnvelope(new WorkareaDiffResult(plan.summary(counts[0], counts[1], counts[2]),
                entries)));
    }

    private static int statusIndex(WorkareaDiffEntry entry) {
        WorkareaDiffStatus status = entry.status();
        return status.equals(WorkareaDiffStatus.ADDED) ? 0 : status.equals(WorkareaDiffStatus.REMOVED) ? 1 : 2;
    }

    /** The NDJSON body of one response, a chunk at a time. Not thread-safe: one per subscription. */
    private static final class NdjsonWriter {

        private final ObjectWriter entryWriter = JsonCodec.get().mapper().writerFor(WorkareaDiffEntry.class);
        private final Chunk chunk = new Chunk();
        private final Iterator<WorkareaDiffEntry> entries;
        private final DiffPlan plan;
        private final long stopAfter;
        private final boolean cutAtStop;
        private final String failMessage;
        private final Meter meter;
        private final int[] counts = new int[3];
        private long written;
        private boolean done;
        boolean cut;

        NdjsonWriter(DiffPlan plan, int cutAfter, int failAfter, String failMessage, Meter meter) {
            this.plan = plan;
            this.entries = plan.entries();
            this.cutAtStop = cutAfter >= 0;
            this.stopAfter = cutAfter >= 0 ? cutAfter : failAfter >= 0 ? failAfter : Long.MAX_VALUE;
            this.failMessage = failMessage;
            this.meter = meter;
        }

        /** The next chunk, or {@code null} when the body is complete (or must be cut: see {@link #cut}). */
        @Nullable byte[] nextChunk() {
            if (done) {
                cut = cutAtStop;
                return null;
            }
            chunk.reset();
            while (chunk.size() < CHUNK_BYTES) {
                if (written == stopAfter || !entries.hasNext() && stopAfter != Long.MAX_VALUE) {
                    if (!cutAtStop) {
                        line(JsonCodec.get().encode(Map.of("error", failMessage)));
                    }
                    done = true;
                    break;
                }
                if (!entries.hasNext()) {
                    line(JsonCodec.get().encode(Map.of("summary", plan.summary(counts[0], counts[1], counts[2]))));
                    done = true;
                    break;
                }
                WorkareaDiffEntry entry = entries.next();
                counts[statusIndex(entry)]++;
                entryWriter.writeValue(chunk, entry);
                chunk.write('\n');
                written++;
            }
            if (chunk.size() == 0) {
                cut = cutAtStop;
                return null;
            }
            meter.bytes.addAndGet(chunk.size());
            meter.chunks.incrementAndGet();
            return chunk.toByteArray();
        }

        private void line(byte[] json) {
            chunk.write(json, 0, json.length);
            chunk.write('\n');
        }
    }

    /** The bytes of the chunk being filled; reused from one chunk to the next. */
    private static final class Chunk extends ByteArrayOutputStream {

        Chunk() {
            super(CHUNK_BYTES + 1024);
        }

        @Override
        public void close() {
            // Jackson closes its target after each value; the chunk stays open.
        }
    }
}
