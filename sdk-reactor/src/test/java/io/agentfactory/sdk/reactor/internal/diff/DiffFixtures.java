package io.agentfactory.sdk.reactor.internal.diff;

import java.util.List;

import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * Diff wire fixtures written out literally (not produced by the SDK's encoder), with the events
 * they must decode to. Paths are non-ASCII on purpose: 2-, 3- and 4-byte UTF-8 characters.
 */
final class DiffFixtures {

    static final String METHOD = "GET";
    static final String PATH = "/api/daemon/workareas/wa-1/diff/wa-2";

    static final String HASH_A = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String HASH_B = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    static final String MODIFIED_LINE = "{\"path\":\"README.md\",\"status\":\"modified\",\"sizeA\":120,\"sizeB\":134,"
            + "\"modeA\":\"0644\",\"modeB\":\"0644\",\"hashA\":\"" + HASH_A + "\",\"hashB\":\"" + HASH_B + "\"}";
    static final String ADDED_LINE = "{\"path\":\"docs/日本語/ß.md\",\"status\":\"added\",\"sizeB\":42,"
            + "\"modeB\":\"0644\",\"hashB\":\"" + HASH_B + "\"}";
    static final String REMOVED_LINE = "{\"path\":\"emoji/😀.txt\",\"status\":\"removed\",\"sizeA\":7,"
            + "\"modeA\":\"0600\",\"hashA\":\"" + HASH_A + "\"}";
    /** A status this SDK does not know: kept as is, counted toward the total only. */
    static final String RENAMED_LINE = "{\"path\":\"src/Ünïcode/файл.java\",\"status\":\"renamed\",\"sizeA\":1,"
            + "\"sizeB\":1}";
    /** A field this SDK does not know: ignored. */
    static final String FUTURE_FIELD_LINE = "{\"path\":\"z/last\",\"status\":\"added\",\"sizeB\":3,"
            + "\"futureField\":{\"x\":[1,2,{\"y\":null}]}}";
    static final String SUMMARY_LINE = summaryLine(2, 1, 1, 5);

    static final WorkareaDiffEntry MODIFIED = new WorkareaDiffEntry("README.md", WorkareaDiffStatus.MODIFIED, 120,
            134, "0644", "0644", HASH_A, HASH_B);
    static final WorkareaDiffEntry ADDED = new WorkareaDiffEntry("docs/日本語/ß.md", WorkareaDiffStatus.ADDED, 0, 42,
            "", "0644", "", HASH_B);
    static final WorkareaDiffEntry REMOVED = new WorkareaDiffEntry("emoji/😀.txt", WorkareaDiffStatus.REMOVED, 7, 0,
            "0600", "", HASH_A, "");
    static final WorkareaDiffEntry RENAMED = new WorkareaDiffEntry("src/Ünïcode/файл.java",
            WorkareaDiffStatus.of("renamed"), 1, 1, "", "", "", "");
    static final WorkareaDiffEntry FUTURE_FIELD = new WorkareaDiffEntry("z/last", WorkareaDiffStatus.ADDED, 0, 3, "",
            "", "", "");
    static final WorkareaDiffSummary SUMMARY = summary(2, 1, 1, 5);

    /** The sample diff as NDJSON: a blank line, a CRLF and a whitespace-only line included. */
    static final String SAMPLE_NDJSON = MODIFIED_LINE + "\n"
            + ADDED_LINE + "\r\n"
            + "\n"
            + REMOVED_LINE + "\n"
            + "  \t\n"
            + RENAMED_LINE + "\n"
            + FUTURE_FIELD_LINE + "\n"
            + SUMMARY_LINE + "\n";

    /** The same diff as the JSON envelope. */
    static final String SAMPLE_ENVELOPE = "{\"diff\":{\"summary\":" + summaryObject(2, 1, 1, 5) + ",\n\"entries\":["
            + String.join(",\n", MODIFIED_LINE, ADDED_LINE, REMOVED_LINE, RENAMED_LINE, FUTURE_FIELD_LINE) + "]}}";

    /** What the sample decodes to. */
    static final List<WorkareaDiffEvent> SAMPLE_EVENTS = List.of(MODIFIED, ADDED, REMOVED, RENAMED, FUTURE_FIELD,
            SUMMARY);

    private DiffFixtures() {
    }

    static String summaryLine(int added, int removed, int modified, int total) {
        return "{\"summary\":" + summaryObject(added, removed, modified, total) + "}";
    }

    static String summaryObject(int added, int removed, int modified, int total) {
        return "{\"workareaA\":\"wa-1\",\"workareaB\":\"wa-2\",\"added\":" + added + ",\"removed\":" + removed
                + ",\"modified\":" + modified + ",\"total\":" + total + "}";
    }

    static WorkareaDiffSummary summary(int added, int removed, int modified, int total) {
        return new WorkareaDiffSummary("wa-1", "wa-2", added, removed, modified, total);
    }

    static String addedLine(String path) {
        return "{\"path\":\"" + path + "\",\"status\":\"added\",\"sizeB\":1}";
    }

    static WorkareaDiffEntry added(String path) {
        return new WorkareaDiffEntry(path, WorkareaDiffStatus.ADDED, 0, 1, "", "", "", "");
    }

    static WorkareaDiffDecoder decoder() {
        return new WorkareaDiffDecoder(METHOD, PATH);
    }
}
