package io.agentfactory.sdk.reactor.internal.diff;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;

/**
 * The fast path of an NDJSON entry line: one token parser over the line's bytes and a field
 * switch into {@link WorkareaDiffEntry}, without the per-line set-up of {@code ObjectReader.readValue}.
 *
 * <p>It only answers the lines whose meaning is beyond doubt: one object, each known key at most
 * once and holding a string (text fields) or an integer within {@code long} (sizes), unknown keys
 * skipped, nothing after the object. Anything else (invalid JSON, nulls, coercions, duplicate
 * keys, big numbers, trailing tokens) answers {@code null} and the caller decodes the line with the
 * mapper's reader as before, so values and errors are exactly the reader's.
 */
final class EntryLineReader {

    private static final int PATH = 1;
    private static final int STATUS = 1 << 1;
    private static final int SIZE_A = 1 << 2;
    private static final int SIZE_B = 1 << 3;
    private static final int MODE_A = 1 << 4;
    private static final int MODE_B = 1 << 5;
    private static final int HASH_A = 1 << 6;
    private static final int HASH_B = 1 << 7;

    private final JsonMapper mapper = JsonCodec.get().mapper();

    /** The entry of {@code bytes[from, to)}, or {@code null} when the reader must decide. */
    @Nullable WorkareaDiffEntry read(byte[] bytes, int from, int to) {
        try (JsonParser parser = mapper.createParser(bytes, from, to - from)) {
            return read(parser);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable WorkareaDiffEntry read(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String path = null;
        String status = null;
        String modeA = null;
        String modeB = null;
        String hashA = null;
        String hashB = null;
        long sizeA = 0;
        long sizeB = 0;
        int seen = 0;
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken value = parser.nextToken();
            int bit = bitOf(name);
            if (bit == 0) {
                parser.skipChildren();
                continue;
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
            if (bit == SIZE_A || bit == SIZE_B) {
                if (value != JsonToken.VALUE_NUMBER_INT) {
                    return null;
                }
                JsonParser.NumberType type = parser.getNumberType();
                if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                    return null;
                }
                if (bit == SIZE_A) {
                    sizeA = parser.getLongValue();
                } else {
                    sizeB = parser.getLongValue();
                }
                continue;
            }
            if (value != JsonToken.VALUE_STRING) {
                return null;
            }
            String text = parser.getString();
            switch (bit) {
                case PATH -> path = text;
                case STATUS -> status = text;
                case MODE_A -> modeA = text;
                case MODE_B -> modeB = text;
                case HASH_A -> hashA = text;
                default -> hashB = text;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            return null;
        }
        return new WorkareaDiffEntry(path, status == null ? null : WorkareaDiffStatus.of(status),
                sizeA, sizeB, modeA, modeB, hashA, hashB);
    }

    private static int bitOf(String name) {
        return switch (name) {
            case "path" -> PATH;
            case "status" -> STATUS;
            case "sizeA" -> SIZE_A;
            case "sizeB" -> SIZE_B;
            case "modeA" -> MODE_A;
            case "modeB" -> MODE_B;
            case "hashA" -> HASH_A;
            case "hashB" -> HASH_B;
            default -> 0;
        };
    }
}
