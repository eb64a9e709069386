package io.agentfactory.sdk.codeintel;

import java.util.Map;

/**
 * What an index build covered.
 *
 * @param files how many files were indexed
 * @param symbols how many symbols they declare
 * @param filesPerLanguage files per language tag
 * @param skippedFiles files with an indexable extension left out: unreadable, not UTF-8, or larger than the size limit
 */
public record IndexStats(int files, int symbols, Map<String, Integer> filesPerLanguage, int skippedFiles) {

    /** Copies the map. */
    public IndexStats {
        filesPerLanguage = Map.copyOf(filesPerLanguage);
    }
}
