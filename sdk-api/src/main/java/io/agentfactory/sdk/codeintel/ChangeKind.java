package io.agentfactory.sdk.codeintel;

/** How a file changed in a diff, as its git extended headers say. */
public enum ChangeKind {
    /** {@code new file mode}, or an old side of {@code /dev/null}. */
    ADDED,
    /** Changed in place (possibly only its mode). */
    MODIFIED,
    /** {@code deleted file mode}, or a new side of {@code /dev/null}. */
    DELETED,
    /** {@code rename from} / {@code rename to}. */
    RENAMED,
    /** {@code copy from} / {@code copy to}. */
    COPIED
}
