package io.agentfactory.sdk.logsignatures;

import java.util.List;
import java.util.Optional;

import io.agentfactory.sdk.internal.Copies;

/**
 * What the catalog found in a log: how many lines were read and matched, and the occurrences of
 * each signature that matched at least once, in the order each first matched.
 *
 * @param lines how many lines were read
 * @param matchedLines how many lines matched a signature
 * @param signatures the occurrences per signature, in order of first match
 */
public record LogAnalysis(long lines, long matchedLines, List<SignatureOccurrences> signatures) {

    /** Copies the list. */
    public LogAnalysis {
        signatures = Copies.list(signatures);
    }

    /** The occurrences of the signature with {@code id}; empty when it never matched. */
    public Optional<SignatureOccurrences> occurrencesOf(String id) {
        return signatures.stream().filter(o -> o.signature().id().equals(id)).findFirst();
    }
}
