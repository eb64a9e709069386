package io.agentfactory.sdk.reactor.codeintel.internal;

import io.agentfactory.sdk.codeintel.Extractor;

/**
 * An extractor with a one-time preparation that may block (loading native libraries): the indexer
 * calls {@link #prepare()} on {@code boundedElastic} before it extracts on {@code parallel()}.
 */
interface PreparedExtractor extends Extractor {

    /**
     * Prepares, once; later calls return at once. Never throws.
     *
     * @return whether the preferred route is usable (else the extractor uses its fallback)
     */
    boolean prepare();
}
