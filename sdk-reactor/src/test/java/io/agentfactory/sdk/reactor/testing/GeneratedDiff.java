package io.agentfactory.sdk.reactor.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * NDJSON diffs of any length generated lazily: a chunk is built only when it is requested, so a
 * million-entry body (about 190 MB) is never in memory. Entries cycle through added, removed and
 * modified, with non-ASCII paths; chunks are cut at a fixed size, wherever that falls in a line.
 */
public final class GeneratedDiff {

    /** The A-side hash of generated entries. */
    public static final String HASH_A = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    /** The B-side hash of generated entries. */
    public static final String HASH_B = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    private static final byte[] PATH_PREFIX = utf8("{\"path\":\"src/modül-");
    private static final byte[] PATH_MIDDLE = utf8("/größe/Datei");
    private static final byte[] PATH_SUFFIX = utf8(".java\",\"status\":\"");
    private static final byte[] ADDED_SIZE = utf8("added\",\"sizeB\":");
    private static final byte[] ADDED_REST = utf8(",\"modeB\":\"0644\",\"hashB\":\"" + HASH_B + "\"}\n");
    private static final byte[] REMOVED_SIZE = utf8("removed\",\"sizeA\":");
    private static final byte[] REMOVED_REST = utf8(",\"modeA\":\"0644\",\"hashA\":\"" + HASH_A + "\"}\n");
    private static final byte[] MODIFIED_SIZE_A = utf8("modified\",\"sizeA\":");
    private static final byte[] MODIFIED_SIZE_B = utf8(",\"sizeB\":");
    private static final byte[] MODIFIED_REST = utf8(",\"modeA\":\"0644\",\"modeB\":\"0755\",\"hashA\":\""
            + HASH_A + "\",\"hashB\":\"" + HASH_B + "\"}\n");

    private GeneratedDiff() {
    }

    /** {@code entries} entries then their summary, in chunks of {@code chunkSize} bytes. */
    public static Flux<byte[]> ndjson(long entries, int chunkSize) {
        return chunks(() -> new Cursor(entries, true, false), chunkSize);
    }

    /**
     * The same diff as {@link #ndjson(long, int)} as one envelope document,
     * {@code {"diff":{"summary":…,"entries":[…]}}}, in chunks of {@code chunkSize} bytes.
     */
    public static Flux<byte[]> envelope(long entries, int chunkSize) {
        return chunks(() -> new Cursor(entries, true, true), chunkSize);
    }

    private static Flux<byte[]> chunks(Callable<Cursor> cursors, int chunkSize) {
        return Flux.generate(cursors, (cursor, sink) -> {
            byte[] chunk = cursor.nextChunk(chunkSize);
            if (chunk == null) {
                sink.complete();
            } else {
                sink.next(chunk);
            }
            return cursor;
        });
    }

    /** Entries without end, {@code linesPerChunk} whole lines per chunk. */
    public static Flux<byte[]> endless(int linesPerChunk) {
        return Flux.generate(() -> new Cursor(Long.MAX_VALUE, false, false), (cursor, sink) -> {
            Line chunk = new Line();
            for (int i = 0; i < linesPerChunk; i++) {
                chunk.append(cursor.entryLine());
            }
            sink.next(chunk.toBytes());
            return cursor;
        });
    }

    /** The summary of a generated diff of {@code entries} entries. */
    public static WorkareaDiffSummary summaryFor(long entries) {
        int added = (int) ((entries + 2) / 3);
        int removed = (int) ((entries + 1) / 3);
        int modified = (int) (entries / 3);
        return new WorkareaDiffSummary("wa-1", "wa-2", added, removed, modified, (int) entries);
    }

    /** The NDJSON summary line (with its newline) of {@code summary}. */
    public static String summaryLine(WorkareaDiffSummary summary) {
        return "{\"summary\":{\"workareaA\":\"" + summary.workareaA() + "\",\"workareaB\":\"" + summary.workareaB()
                + "\",\"added\":" + summary.added() + ",\"removed\":" + summary.removed() + ",\"modified\":"
                + summary.modified() + ",\"total\":" + summary.total() + "}}\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A growable byte line with ASCII decimal digits. */
    private static final class Line {

        private byte[] bytes = new byte[320];
        private int length;

        Line append(byte[] part) {
            ensure(part.length);
            System.arraycopy(part, 0, bytes, length, part.length);
            length += part.length;
            return this;
        }

        Line digits(long value) {
            int count = value == 0 ? 1 : (int) Math.log10(value) + 1;
            ensure(count);
            long rest = value;
            for (int at = length + count - 1; at >= length; at--) {
                bytes[at] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
            length += count;
            return this;
        }

        byte[] toBytes() {
            return Arrays.copyOf(bytes, length);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + more, 2 * bytes.length));
            }
        }
    }

    private static final class Cursor {

        private final long entries;
        private final boolean withSummary;
        private final boolean envelope;
        private boolean headSent;
        private long next;
        private boolean summarySent;
        private byte[] line = new byte[0];
        private int linePosition;

        Cursor(long entries, boolean withSummary, boolean envelope) {
            this.entries = entries;
            this.withSummary = withSummary;
            this.envelope = envelope;
        }

        byte @Nullable [] nextChunk(int size) {
            byte[] chunk = new byte[size];
            int filled = 0;
            while (filled < size) {
                if (linePosition == line.length) {
                    byte[] nextLine = nextLine();
                    if (nextLine == null) {
                        break;
                    }
                    line = nextLine;
                    linePosition = 0;
                }
                int count = Math.min(size - filled, line.length - linePosition);
                System.arraycopy(line, linePosition, chunk, filled, count);
                filled += count;
                linePosition += count;
            }
            if (filled == 0) {
                return null;
            }
            return filled == size ? chunk : Arrays.copyOf(chunk, filled);
        }

        private byte @Nullable [] nextLine() {
            if (envelope) {
                return nextEnvelopePart();
            }
            if (next < entries) {
                return entryLine();
            }
            if (withSummary && !summarySent) {
                summarySent = true;
                WorkareaDiffSummary s = summaryFor(entries);
                return summaryLine(s).getBytes(StandardCharsets.UTF_8);
            }
            return null;
        }

        /** Head (with the summary), entries separated by commas, then the end of the document. */
        private byte @Nullable [] nextEnvelopePart() {
            if (!headSent) {
                headSent = true;
                String line = summaryLine(summaryFor(entries));
                String summary = line.substring("{\"summary\":".length(), line.length() - "}\n".length());
                return utf8("{\"diff\":{\"summary\":" + summary + ",\"entries\":[");
            }
            if (next < entries) {
                byte[] entry = entryLine();
                if (next == 1) {
                    return entry;
                }
                byte[] separated = new byte[entry.length + 1];
                separated[0] = ',';
                System.arraycopy(entry, 0, separated, 1, entry.length);
                return separated;
            }
            if (!summarySent) {
                summarySent = true;
                return utf8("]}}");
            }
            return null;
        }

        /** The next entry line, built as bytes: the generator must not be the bottleneck it measures. */
        byte[] entryLine() {
            long i = next++;
            Line line = new Line().append(PATH_PREFIX).digits(i % 1000).append(PATH_MIDDLE).digits(i)
                    .append(PATH_SUFFIX);
            switch ((int) (i % 3)) {
                case 0 -> line.append(ADDED_SIZE).digits(i % 65536).append(ADDED_REST);
                case 1 -> line.append(REMOVED_SIZE).digits(i % 4096).append(REMOVED_REST);
                default -> line.append(MODIFIED_SIZE_A).digits(i % 4096).append(MODIFIED_SIZE_B).digits(i % 8192)
                        .append(MODIFIED_REST);
            }
            return line.toBytes();
        }
    }
}
