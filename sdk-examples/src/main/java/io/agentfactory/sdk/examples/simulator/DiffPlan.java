package io.agentfactory.sdk.examples.simulator;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * The diff of two archives, as entries produced one at a time in path order: a synthetic diff of
 * any size is never held in memory. {@code added} entries carry only the B side, {@code removed}
 * only the A side, {@code modified} both.
 */
abstract sealed class DiffPlan permits DiffPlan.OfTrees, DiffPlan.Synthetic {

    final String idA;
    final String idB;

    private DiffPlan(String idA, String idB) {
        this.idA = idA;
        this.idB = idB;
    }

    /** How many entries the diff has. */
    abstract long size();

    /** The entries from the first, in path order. */
    abstract Iterator<WorkareaDiffEntry> entries();

    /** The summary of {@code added}, {@code removed} and {@code modified} entries. */
    WorkareaDiffSummary summary(int added, int removed, int modified) {
        return new WorkareaDiffSummary(idA, idB, added, removed, modified, added + removed + modified);
    }

    /** The per-path difference of two file trees (small: computed at once). */
    static DiffPlan ofTrees(String idA, SortedMap<String, ArchiveStore.FileMeta> a, String idB,
            SortedMap<String, ArchiveStore.FileMeta> b) {
        List<WorkareaDiffEntry> entries = new ArrayList<>();
        for (Map.Entry<String, ArchiveStore.FileMeta> entry : a.entrySet()) {
            ArchiveStore.FileMeta other = b.get(entry.getKey());
            ArchiveStore.FileMeta mine = entry.getValue();
            if (other == null) {
                entries.add(new WorkareaDiffEntry(entry.getKey(), WorkareaDiffStatus.REMOVED, mine.size(), 0,
                        mine.mode(), "", mine.hash(), ""));
            }
            else if (!other.equals(mine)) {
                entries.add(new WorkareaDiffEntry(entry.getKey(), WorkareaDiffStatus.MODIFIED, mine.size(), other.size(),
                        mine.mode(), other.mode(), mine.hash(), other.hash()));
            }
        }
        for (Map.Entry<String, ArchiveStore.FileMeta> entry : b.entrySet()) {
            if (!a.containsKey(entry.getKey())) {
                ArchiveStore.FileMeta theirs = entry.getValue();
                entries.add(new WorkareaDiffEntry(entry.getKey(), WorkareaDiffStatus.ADDED, 0, theirs.size(), "",
                        theirs.mode(), "", theirs.hash()));
            }
        }
        entries.sort((x, y) -> ArchiveStore.PATH_ORDER.compare(x.path(), y.path()));
        return new OfTrees(idA, idB, List.copyOf(entries));
    }

    /** {@code size} synthetic entries, derived from {@code salt} and each entry's index. */
    static DiffPlan synthetic(String idA, String idB, long size, long salt) {
        return new Synthetic(idA, idB, size, salt);
    }

    static final class OfTrees extends DiffPlan {

        private final List<WorkareaDiffEntry> entries;

        private OfTrees(String idA, String idB, List<WorkareaDiffEntry> entries) {
            super(idA, idB);
            this.entries = entries;
        }

        @Override
        long size() {
            return entries.size();
        }

        @Override
        Iterator<WorkareaDiffEntry> entries() {
            return entries.iterator();
        }
    }

    /**
     * Entry {@code i} has the path {@code gen/<i, 8 digits>/<one of eight file names>} — so path
     * order is index order — and a status, sizes, modes and hashes mixed from the salt and
     * {@code i}. About a third of the entries are each of added, removed and modified.
     */
    static final class Synthetic extends DiffPlan {

        private static final List<String> NAMES = List.of("src/main/java/Service.java", "docs/日本語/ß.md",
                "README.md", "assets/logo ✓.svg", "lib/straße.rs", "config/app.yaml", "データ/表.csv",
                "test/spec_test.go");
        private static final HexFormat HEX = HexFormat.of();

        private final long size;
        private final long salt;

        private Synthetic(String idA, String idB, long size, long salt) {
            super(idA, idB);
            this.size = size;
            this.salt = salt;
        }

        @Override
        long size() {
            return size;
        }

        @Override
        Iterator<WorkareaDiffEntry> entries() {
            return new Iterator<>() {
                private long next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public WorkareaDiffEntry next() {
                    if (next >= size) {
                        throw new java.util.NoSuchElementException();
                    }
                    return entry(next++);
                }
            };
        }

        WorkareaDiffEntry entry(long index) {
            long bits = SeededIds.mix(salt ^ index);
            String path = pathOf(index);
            long sizeA = 64 + (bits >>> 40) % 90_000;
            long sizeB = 64 + (bits >>> 16 & 0xFFFFFF) % 90_000;
            String mode = index % 7 == 0 ? "100755" : "100644";
            return switch ((int) Long.remainderUnsigned(bits, 3)) {
                case 0 -> new WorkareaDiffEntry(path, WorkareaDiffStatus.ADDED, 0, sizeB, "", mode, "", hash(bits, 2));
                case 1 -> new WorkareaDiffEntry(path, WorkareaDiffStatus.REMOVED, sizeA, 0, mode, "", hash(bits, 1), "");
                default -> new WorkareaDiffEntry(path, WorkareaDiffStatus.MODIFIED, sizeA, sizeB, mode, mode,
                        hash(bits, 1), hash(bits, 2));
            };
        }

        /** {@code gen/<index as 8 digits>/<name>}: fixed-width digits first, so path order is index order. */
        private static String pathOf(long index) {
            char[] digits = {'0', '0', '0', '0', '0', '0', '0', '0'};
            long rest = index;
            for (int i = digits.length - 1; i >= 0 && rest > 0; i--) {
                digits[i] = (char) ('0' + rest % 10);
                rest /= 10;
            }
            return "gen/" + new String(digits) + "/" + NAMES.get((int) (index % NAMES.size()));
        }

        private static String hash(long bits, long side) {
            StringBuilder hex = new StringBuilder(64);
            long state = bits * 31 + side;
            for (int i = 0; i < 4; i++) {
                state = SeededIds.mix(state);
                hex.append(HEX.toHexDigits(state));
            }
            return hex.toString();
        }
    }
}
