package io.agentfactory.sdk.reactor.internal.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;

/**
 * The entry fast path against the mapper's reader on a corpus of tricky lines: whatever the fast
 * path answers equals what the reader decodes, and it leaves to the reader every line it is unsure of.
 */
class EntryLineReaderTest {

    private final EntryLineReader fast = new EntryLineReader();

    /** Lines the fast path must answer itself, equal to the reader's value. */
    private static final List<String> ANSWERED = List.of(
            "{\"path\":\"a.txt\",\"status\":\"added\",\"sizeB\":12,\"modeB\":\"100644\",\"hashB\":\"ab\"}",
            "{\"path\":\"d\",\"status\":\"removed\",\"sizeA\":9223372036854775807,\"sizeB\":-9223372036854775808}",
            "{\"path\":\"e\\u00e9\\n\\t\\\"\\\\\\/\",\"status\":\"modified\"}",
            "{\"path\":\"\\ud83d\\ude00 \uD83D\uDE00 \u00e9\u4e2d\",\"status\":\"added\"}",
            "  {  \"status\" : \"weird\" , \"path\" : \"x\" }  ",
            "{\"path\":\"u\",\"extra\":{\"nested\":[1,{\"a\":null}],\"b\":\"c\"},\"more\":[],\"n\":null,\"status\":\"added\"}",
            "{\"path\":\"u\",\"big\":123456789012345678901234567890,\"f\":1.5e300,\"status\":\"added\"}",
            "{}",
            "{\"sizeA\":0,\"sizeB\":2147483648}",
            "{\"path\":\"\",\"status\":\"\",\"modeA\":\"\",\"hashA\":\"\"}",
            "{\"PATH\":\"case\",\"path\":\"p\"}",
            "{\"path\":\"lone \\ud83d\"}");

    /** Lines it must leave to the reader (which may decode them, coerce them or fail). */
    private static final List<String> DEFERRED = List.of(
            "{\"path\":\"a\",\"path\":\"b\"}",
            "{\"path\":null}",
            "{\"status\":null}",
            "{\"sizeA\":null}",
            "{\"sizeA\":\"12\"}",
            "{\"sizeA\":1.0}",
            "{\"sizeA\":9223372036854775808}",
            "{\"sizeA\":-9223372036854775809}",
            "{\"path\":12}",
            "{\"path\":true}",
            "{\"path\":[\"a\"]}",
            "{\"status\":{\"value\":\"added\"}}",
            "{\"path\":\"a\"} {\"path\":\"b\"}",
            "{\"path\":\"a\"}x",
            "{\"path\":\"a\"",
            "{\"path\":\"a\",}",
            "{\"path\":'a'}",
            "[1]",
            "\"text\"",
            "null",
            "12",
            "{\"path\":\"\\x\"}",
            "{\"path\":\"a\u0001b\"}");

    @Test
    void answersPlainLinesWithTheReadersValue() throws Exception {
        for (String line : ANSWERED) {
            byte[] bytes = framed(line);
            WorkareaDiffEntry answered = fast.read(bytes, 3, bytes.length - 2);
            assertNotNull(answered, line);
            WorkareaDiffEntry expected = DiffWire.ENTRY.readValue(bytes, 3, bytes.length - 5);
            assertEquals(expected, answered, line);
        }
    }

    @Test
    void leavesEveryDoubtfulLineToTheReader() {
        for (String line : DEFERRED) {
            byte[] bytes = framed(line);
            assertNull(fast.read(bytes, 3, bytes.length - 2), line);
        }
    }

    @Test
    void decodesExactValues() {
        byte[] bytes = framed("{\"path\":\"\\ud83d\\ude00/\\u00e9\",\"status\":\"added\",\"sizeA\":-1,"
                + "\"sizeB\":9223372036854775807,\"modeA\":\"100755\",\"modeB\":\"120000\",\"hashA\":\"h1\",\"hashB\":\"h2\"}");
        assertEquals(new WorkareaDiffEntry("\uD83D\uDE00/\u00e9", WorkareaDiffStatus.ADDED, -1, Long.MAX_VALUE,
                "100755", "120000", "h1", "h2"), fast.read(bytes, 3, bytes.length - 2));
    }

    @Test
    void theReaderStillDecidesDeferredLinesAsBefore() throws Exception {
        // Pins the reader's verdict on a few deferred lines, so the fallback keeps the old meaning.
        byte[] duplicate = "{\"path\":\"a\",\"path\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        WorkareaDiffEntry last = DiffWire.ENTRY.readValue(duplicate, 0, duplicate.length);
        assertEquals("b", last.path());
        byte[] coerced = "{\"sizeA\":\"12\"}".getBytes(StandardCharsets.UTF_8);
        WorkareaDiffEntry sized = DiffWire.ENTRY.readValue(coerced, 0, coerced.length);
        assertEquals(12, sized.sizeA());
        byte[] trailing = "{\"path\":\"a\"} {}".getBytes(StandardCharsets.UTF_8);
        boolean failed = false;
        try {
            DiffWire.ENTRY.readValue(trailing, 0, trailing.length);
        } catch (JacksonException e) {
            failed = true;
        }
        assertEquals(true, failed, "trailing tokens fail the reader");
    }

    /** The line between foreign bytes, to prove the fast path reads only its range. */
    private static byte[] framed(String line) {
        return ("{\"[" + line + "\n]").getBytes(StandardCharsets.UTF_8);
    }
}
