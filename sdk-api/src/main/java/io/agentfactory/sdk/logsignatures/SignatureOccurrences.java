package io.agentfactory.sdk.logsignatures;

import java.util.List;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.internal.Copies;

/**
 * How often one signature matched a log, with the first few lines it matched as examples.
 *
 * @param signature the signature
 * @param count how many lines it matched
 * @param examples the first lines it matched, at most {@value #MAX_EXAMPLES}, each cut to its
 *     first {@value #MAX_EXAMPLE_BYTES} UTF-8 bytes
 */
public record SignatureOccurrences(LogSignature signature, long count, List<String> examples) {

    /** How many example lines are kept per signature. */
    public static final int MAX_EXAMPLES = 3;

    /** How many UTF-8 bytes of an example line are kept. */
    public static final int MAX_EXAMPLE_BYTES = 200;

    /**
     * Cuts each example to {@value #MAX_EXAMPLE_BYTES} bytes and checks the counts agree.
     *
     * @throws InvalidArgumentException when there are more than {@value #MAX_EXAMPLES} examples, or more examples than occurrences
     */
    public SignatureOccurrences {
        examples = Copies.list(examples).stream().map(SignatureOccurrences::example).toList();
        if (examples.size() > MAX_EXAMPLES) {
            throw new InvalidArgumentException("at most " + MAX_EXAMPLES + " examples, got " + examples.size());
        }
        if (count < examples.size()) {
            throw new InvalidArgumentException("count " + count + " is less than the " + examples.size() + " examples");
        }
    }

    /** {@code line} as it is kept as an example: its first {@value #MAX_EXAMPLE_BYTES} UTF-8 bytes, whole characters only. */
    public static String example(String line) {
        return Utf8Prefix.of(line, MAX_EXAMPLE_BYTES);
    }
}
