package io.agentfactory.sdk.codeintel;

/** How a {@link DuplicateMatch} matched. */
public enum DuplicateKind {
    /** The normalised text is identical (equal xxHash64). */
    EXACT,
    /** The SimHash fingerprints are within the threshold. */
    NEAR
}
