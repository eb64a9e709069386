package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.List;

import io.agentfactory.sdk.codeintel.IndexedFile;

/**
 * An indexed file with its duplicate fingerprints.
 *
 * @param file the public view
 * @param fingerprint the whole file's fingerprint
 * @param symbolFingerprints the fingerprints of the symbol bodies of at least 3 lines
 * @param lastIndexed when the file was extracted (Unix ms; {@code 0} when a persisted entry had none),
 *        kept with the entry while the file is unchanged, as the reference keeps unchanged entries verbatim
 */
record FileEntry(IndexedFile file, DuplicateFingerprint fingerprint, List<DuplicateFingerprint> symbolFingerprints,
        long lastIndexed) {

    FileEntry {
        symbolFingerprints = List.copyOf(symbolFingerprints);
        if (lastIndexed < 0) {
            throw new IllegalArgumentException("lastIndexed < 0: " + lastIndexed);
        }
    }
}
