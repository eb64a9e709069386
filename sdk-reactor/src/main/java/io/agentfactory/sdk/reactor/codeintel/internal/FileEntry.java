package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.List;

import io.agentfactory.sdk.codeintel.IndexedFile;

/**
 * An indexed file with its duplicate fingerprints.
 *
 * @param file the public view
 * @param fingerprint the whole file's fingerprint
 * @param symbolFingerprints the fingerprints of the symbol bodies of at least 3 lines
 */
record FileEntry(IndexedFile file, DuplicateFingerprint fingerprint, List<DuplicateFingerprint> symbolFingerprints) {

    FileEntry {
        symbolFingerprints = List.copyOf(symbolFingerprints);
    }
}
