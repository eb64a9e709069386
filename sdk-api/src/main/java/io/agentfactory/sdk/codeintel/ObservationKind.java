package io.agentfactory.sdk.codeintel;

/** What an architectural observation read from a diff says (the wire names of the reference's JSON). */
public enum ObservationKind {
    /** A structural zone (auth, database, API, …) the change touches, or a non-normative acceptance criterion. */
    PATTERN("pattern"),
    /** A coding convention seen in the added lines, or a normative acceptance criterion. */
    CONVENTION("convention"),
    /** A technology decision stated in the change's title or description. */
    DECISION("decision");

    private final String wireName;

    ObservationKind(String wireName) {
        this.wireName = wireName;
    }

    /** {@code pattern}, {@code convention} or {@code decision}. */
    public String wireName() {
        return wireName;
    }
}
