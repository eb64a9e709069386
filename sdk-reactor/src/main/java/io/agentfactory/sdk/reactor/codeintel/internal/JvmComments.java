package io.agentfactory.sdk.reactor.codeintel.internal;

/**
 * The comment state of the Java and Kotlin extractors: a {@code /** ... *&#47;} block is kept as the
 * documentation of the next declaration; other comments, and lines inside comments, are skipped.
 */
final class JvmComments {

    private boolean inBlock;
    private String doc = "";

    /** Whether the (stripped) line is comment only; a KDoc/Javadoc block becomes the pending documentation. */
    boolean consume(String trimmed, String source, int offset) {
        if (inBlock) {
            if (trimmed.contains("*/")) {
                inBlock = false;
            }
            return true;
        }
        if (trimmed.startsWith("/**")) {
            int close = source.indexOf("*/", offset);
            doc = close >= 0 ? source.substring(offset, close + 2).strip() : "";
            inBlock = !trimmed.contains("*/");
            return true;
        }
        if (trimmed.startsWith("/*")) {
            inBlock = !trimmed.contains("*/");
            return true;
        }
        return trimmed.startsWith("//") || trimmed.isEmpty();
    }

    /** The pending documentation, cleared. */
    String take() {
        String taken = doc;
        doc = "";
        return taken;
    }

    void clear() {
        doc = "";
    }
}
